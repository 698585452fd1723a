package org.visaport.identity;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.visaport.testsupport.EmbeddedParts;

class KeycloakDownIT extends KeycloakDownContract {

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        EmbeddedParts.INSTANCE.register(registry);
    }
}
