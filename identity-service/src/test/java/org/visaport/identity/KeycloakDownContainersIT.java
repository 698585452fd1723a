package org.visaport.identity;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.visaport.testsupport.ContainerParts;

@Testcontainers(disabledWithoutDocker = true)
class KeycloakDownContainersIT extends KeycloakDownContract {

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        ContainerParts.INSTANCE.register(registry);
    }
}
