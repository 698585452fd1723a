package org.visaport.gateway;

import org.springframework.boot.test.context.SpringBootTest;
import org.visaport.testsupport.WithEmbeddedParts;

@WithEmbeddedParts
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewaySmokeIT extends GatewayContract {
}
