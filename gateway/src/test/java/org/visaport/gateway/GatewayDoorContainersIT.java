package org.visaport.gateway;

import org.visaport.testsupport.WithContainerParts;

@WithContainerParts
class GatewayDoorContainersIT extends GatewayDoorContract {
}
