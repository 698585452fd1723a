package org.visaport.news;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.visaport.testsupport.ContainerParts;
import org.visaport.testsupport.Parts;
import org.visaport.testsupport.ResourceServerContract;

@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NewsSmokeContainersIT extends ResourceServerContract {

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        ContainerParts.INSTANCE.register(registry);
    }

    @Override
    protected Parts parts() {
        return ContainerParts.INSTANCE;
    }

    @Override
    protected String protectedPath() {
        return "/api/admin/news/articles/unknown";
    }

    @Override
    protected int statusForMember() {
        return 403;
    }
}
