package org.visaport.identity;

import org.junit.jupiter.api.Test;
import org.visaport.testsupport.FeaturePackages;

/**
 * identity's feature packages (application, membership, moderation, …) may use each other, but never in a circle:
 * {@code slices().matching("org.visaport.identity.(*)..").should().beFreeOfCycles()}.
 */
class ArchitectureTest {

    @Test
    void featurePackagesAreFreeOfCycles() {
        FeaturePackages.assertFreeOfCycles("org.visaport.identity");
    }
}
