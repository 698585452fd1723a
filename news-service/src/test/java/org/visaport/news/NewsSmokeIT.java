package org.visaport.news;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.visaport.testsupport.EmbeddedParts;
import org.visaport.testsupport.Parts;
import org.visaport.testsupport.ResourceServerContract;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NewsSmokeIT extends ResourceServerContract {

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        EmbeddedParts.INSTANCE.register(registry);
    }

    @Override
    protected Parts parts() {
        return EmbeddedParts.INSTANCE;
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
