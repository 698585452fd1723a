package org.visaport.gateway;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.visaport.testsupport.EmbeddedParts;
import org.visaport.testsupport.Parts;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewaySmokeIT extends GatewayContract {

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        register(EmbeddedParts.INSTANCE, registry);
    }

    @Override
    protected Parts parts() {
        return EmbeddedParts.INSTANCE;
    }
}
