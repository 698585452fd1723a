package org.visaport.notification;

import org.junit.jupiter.api.Test;
import org.visaport.testsupport.FeaturePackages;

class ArchitectureTest {

    @Test
    void featurePackagesAreFreeOfCycles() {
        FeaturePackages.assertFreeOfCycles("org.visaport.notification");
    }
}
