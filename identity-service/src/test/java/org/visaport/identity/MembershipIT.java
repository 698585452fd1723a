package org.visaport.identity;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.visaport.testsupport.EmbeddedParts;
import org.visaport.testsupport.Parts;

class MembershipIT extends MembershipContract {

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        EmbeddedParts.INSTANCE.register(registry);
    }

    @Override
    protected Parts parts() {
        return EmbeddedParts.INSTANCE;
    }
}
