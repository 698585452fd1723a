package org.visaport.gateway;

import org.visaport.testsupport.WithEmbeddedParts;

@WithEmbeddedParts
class GatewayDoorIT extends GatewayDoorContract {
}
