package org.visaport.gateway;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.visaport.testsupport.ContainerParts;
import org.visaport.testsupport.Parts;

@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewaySmokeContainersIT extends GatewayContract {

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        register(ContainerParts.INSTANCE, registry);
    }

    @Override
    protected Parts parts() {
        return ContainerParts.INSTANCE;
    }
}
