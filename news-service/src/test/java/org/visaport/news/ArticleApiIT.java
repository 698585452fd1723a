package org.visaport.news;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.visaport.testsupport.EmbeddedParts;
import org.visaport.testsupport.Parts;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "visaport.embargo.interval=PT0.5S")
class ArticleApiIT extends ArticleApiContract {

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        EmbeddedParts.INSTANCE.register(registry);
    }

    @Override
    protected Parts parts() {
        return EmbeddedParts.INSTANCE;
    }
}
