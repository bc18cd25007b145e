package org.chorus.devstack.boundaries;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;
import java.util.stream.Stream;

/**
 * The boundaries of Chorus's code as ArchUnit rules over the packages under one root: {@code org.chorus} for the real
 * code ({@link ArchitectureTest}), a fixture package for the tests that show each rule failing
 * ({@link BoundariesFailOnViolationTest}).
 *
 * <p>Services talk to each other only through Kafka and HTTP, so no service uses another's classes; event contracts
 * are plain records that any consumer can read, so they use nothing of ours beyond themselves and no framework but
 * Jackson; the platform serves every service and so knows none; and production code never uses the test support or
 * the launchers in {@code infra}. Inside a service, a feature package's non-public types are kept from the other
 * features by Java itself (package-private).
 */
final class Boundaries {
    static final List<String> SERVICES = List.of("statements", "signatures", "tracking", "distribution", "console");
    private static final List<String> TEST_AND_LAUNCHERS = List.of("testsupport", "devstack", "bench", "logaudit");

    private Boundaries() {}

    static List<ArchRule> all(String root) {
        return List.of(
                servicesNeverUseEachOther(root),
                contractsUseNothingOfOurs(root),
                platformUsesNoService(root),
                productionCodeUsesNoTestSupportOrLauncher(root));
    }

    static ArchRule servicesNeverUseEachOther(String root) {
        return CompositeArchRule.of(SERVICES.stream()
                        .map(service -> noClasses()
                                .that()
                                .resideInAPackage(root + "." + service + "..")
                                .should()
                                .dependOnClassesThat()
                                .resideInAnyPackage(
                                        packages(root, SERVICES.stream().filter(other -> !other.equals(service))))
                                .as("the " + service + " service uses no other service's classes"))
                        .toList())
                .because("services talk to each other only through Kafka events and their HTTP APIs");
    }

    static ArchRule contractsUseNothingOfOurs(String root) {
        return classes()
                .that()
                .resideInAPackage(root + ".events..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(root + ".events..", "java..", "com.fasterxml.jackson..", "tools.jackson..")
                .because("event contracts are plain records with Jackson annotations that every consumer can read");
    }

    static ArchRule platformUsesNoService(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + ".platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages(root, SERVICES.stream()))
                .because("shared/platform serves every service and so may know none of them");
    }

    static ArchRule productionCodeUsesNoTestSupportOrLauncher(String root) {
        return noClasses()
                .that()
                .resideInAnyPackage(packages(root, Stream.concat(SERVICES.stream(), Stream.of("platform", "events"))))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages(root, TEST_AND_LAUNCHERS.stream()))
                .because("test support and the launchers in infra use the services, never the other way round");
    }

    private static String[] packages(String root, Stream<String> names) {
        return names.map(name -> root + "." + name + "..").toArray(String[]::new);
    }
}
