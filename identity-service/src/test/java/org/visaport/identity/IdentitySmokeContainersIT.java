package org.visaport.identity;

import org.springframework.boot.test.context.SpringBootTest;
import org.visaport.testsupport.ResourceServerContract;
import org.visaport.testsupport.WithContainerParts;

@WithContainerParts
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentitySmokeContainersIT extends ResourceServerContract {

    @Override
    protected String protectedPath() {
        return "/api/identity/me";
    }

    @Override
    protected int statusForMember() {
        return 200;
    }
}
