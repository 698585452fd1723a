package org.visaport.testsupport;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package-by-feature rule every service keeps: the packages right below the service's own (article, moderation,
 * subscription …) may use each other, but never in a circle.
 */
public final class FeaturePackages {

    private FeaturePackages() {
    }

    /** Fails, naming each cycle and the dependencies that make it, when features of {@code servicePackage} form one. */
    public static void assertFreeOfCycles(String servicePackage) {
        slices().matching(servicePackage + ".(*)..").should().beFreeOfCycles()
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(servicePackage));
    }
}
