package org.chorus.devstack.boundaries;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Fails the build when production code crosses a boundary of {@link Boundaries}. */
class ArchitectureTest {
    private static final JavaClasses CHORUS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.chorus");

    @Test
    void noServiceUsesAnotherServicesClasses() {
        Boundaries.servicesNeverUseEachOther("org.chorus").check(CHORUS);
    }

    @Test
    void eventContractsUseNothingOfOursAndNoFrameworkButJackson() {
        Boundaries.contractsUseNothingOfOurs("org.chorus").check(CHORUS);
    }

    @Test
    void thePlatformUsesNoService() {
        Boundaries.platformUsesNoService("org.chorus").check(CHORUS);
    }

    @Test
    void productionCodeNeverUsesTestSupportOrTheLaunchers() {
        Boundaries.productionCodeUsesNoTestSupportOrLauncher("org.chorus").check(CHORUS);
    }
}
