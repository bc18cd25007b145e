package org.chorus.devstack.boundaries;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link Boundaries} against small fixture code bases under {@code fixture}: one that keeps to every
 * boundary, and one per rule that crosses it once.
 */
class BoundariesFailOnViolationTest {
    private static final String FIXTURES = "org.chorus.devstack.boundaries.fixture";

    @Test
    void codeThatKeepsToItsBoundariesPassesEveryRule() {
        JavaClasses clean = fixture("clean");
        for (ArchRule rule : Boundaries.all(root("clean"))) {
            EvaluationResult result = rule.allowEmptyShould(true).evaluate(clean);
            assertThat(result.hasViolation())
                    .as(result.getFailureReport().toString())
                    .isFalse();
        }
    }

    @Test
    void aServiceCallingAnotherServicesClassFailsTheBuild() {
        assertViolation(
                "servicecrossing",
                Boundaries::servicesNeverUseEachOther,
                "SignOnAskingStatementsDirectly",
                "StatementLookup");
    }

    @Test
    void anEventContractUsingOurPlatformFailsTheBuild() {
        assertViolation(
                "contractsusingplatform", Boundaries::contractsUseNothingOfOurs, "SignatureConfirmed", "HumanText");
    }

    @Test
    void anEventContractUsingAFrameworkOtherThanJacksonFailsTheBuild() {
        assertViolation(
                "contractsusingspring", Boundaries::contractsUseNothingOfOurs, "StatementClosed", "StringUtils");
    }

    @Test
    void thePlatformUsingAServiceFailsTheBuild() {
        assertViolation("platformusingservice", Boundaries::platformUsesNoService, "CoordinatorGate", "Counts");
    }

    @Test
    void productionCodeUsingTheTestSupportFailsTheBuild() {
        assertViolation(
                "productionusingtestsupport",
                Boundaries::productionCodeUsesNoTestSupportOrLauncher,
                "Sender",
                "Mailbox");
    }

    @Test
    void eachViolatingFixtureBreaksOnlyItsOwnRule() {
        for (String name : new String[] {
            "servicecrossing",
            "contractsusingplatform",
            "contractsusingspring",
            "platformusingservice",
            "productionusingtestsupport"
        }) {
            long broken = Boundaries.all(root(name)).stream()
                    .filter(rule ->
                            rule.allowEmptyShould(true).evaluate(fixture(name)).hasViolation())
                    .count();
            assertThat(broken).as(name).isEqualTo(1);
        }
    }

    private static void assertViolation(
            String name, Function<String, ArchRule> rule, String violatingClass, String usedClass) {
        EvaluationResult result = rule.apply(root(name)).allowEmptyShould(true).evaluate(fixture(name));
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(
                        detail -> assertThat(detail).contains(violatingClass).contains(usedClass));
    }

    private static JavaClasses fixture(String name) {
        return new ClassFileImporter().importPackages(root(name));
    }

    private static String root(String name) {
        return FIXTURES + "." + name;
    }
}
