package org.visaport.identity;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.visaport.testsupport.ContainerParts;
import org.visaport.testsupport.Parts;

@Testcontainers(disabledWithoutDocker = true)
class MembershipContainersIT extends MembershipContract {

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        ContainerParts.INSTANCE.register(registry);
    }

    @Override
    protected Parts parts() {
        return ContainerParts.INSTANCE;
    }
}
