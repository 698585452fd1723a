package org.visaport.news;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package-by-feature layout holds: features may use each other, but never in a circle. */
class ArchitectureTest {

    private static final JavaClasses NEWS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.visaport.news");

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("org.visaport.news.(*)..").should().beFreeOfCycles().check(NEWS);
    }
}
