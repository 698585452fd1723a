package org.visaport.gateway;

import org.springframework.boot.test.context.SpringBootTest;
import org.visaport.testsupport.WithContainerParts;

@WithContainerParts
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewaySmokeContainersIT extends GatewayContract {
}
