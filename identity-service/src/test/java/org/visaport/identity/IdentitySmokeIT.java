package org.visaport.identity;

import org.springframework.boot.test.context.SpringBootTest;
import org.visaport.testsupport.ResourceServerContract;
import org.visaport.testsupport.WithEmbeddedParts;

@WithEmbeddedParts
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentitySmokeIT extends ResourceServerContract {

    @Override
    protected String protectedPath() {
        return "/api/identity/me";
    }

    @Override
    protected int statusForMember() {
        return 200;
    }
}
