package org.visaport.news;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.visaport.testsupport.ContainerParts;
import org.visaport.testsupport.Parts;

@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "visaport.embargo.interval=PT0.5S")
class ArticleApiContainersIT extends ArticleApiContract {

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        ContainerParts.INSTANCE.register(registry);
    }

    @Override
    protected Parts parts() {
        return ContainerParts.INSTANCE;
    }
}
