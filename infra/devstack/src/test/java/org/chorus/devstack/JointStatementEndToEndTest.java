package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.Mailbox;
import org.chorus.testsupport.RealInfrastructure;
import org.chorus.testsupport.XiamenSeed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton, every arrow real: a coordinator drafts and opens the Xiamen statement, its 34 signatories
 * sign on the public form and confirm through the link mailed to them, tracking counts them, the coordinator
 * publishes it, and a release reaches each press contact exactly once with the signatory block exactly as the seed
 * prints it.
 */
class JointStatementEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern CONFIRM_LINK = Pattern.compile("(http://\\S+/confirm/[A-Za-z0-9_-]+)");
    private static final XiamenSeed SEED = XiamenSeed.load();
    private static final List<String> PRESS =
            List.of("desk@newswire.example", "editor@daily.example", "advisor@parliament.example");

    static Infrastructure infrastructure;
    static Http statements;
    static Http signatures;
    static Http tracking;
    static Http distribution;

    @BeforeAll
    static void startThePlatform() {
        infrastructure = RealInfrastructure.get();
        statements = TestPlatform.statements();
        signatures = TestPlatform.signatures();
        tracking = TestPlatform.tracking();
        distribution = TestPlatform.distribution();
    }

    @Test
    void thirtyFourOrganisationsSignTheXiamenStatementAndThePressReceivesTheReleaseOnce() {
        String statementId = DevStack.loadDemo(statements);
        Eventually.await(
                WAIT,
                () -> assertThat(signatures.get("/sign/" + statementId).status())
                        .isEqualTo(200));
        String signPage = signatures.get("/sign/" + statementId).body();
        String hash = statements
                .get("/api/statements/" + statementId)
                .json()
                .at("/revision/contentHash")
                .asString();
        assertThat(signPage).contains(hash.substring(0, 12), "Rescind the travel bans");

        for (int i = 0; i < SEED.signatories().size(); i++) {
            XiamenSeed.Signatory signatory = SEED.signatories().get(i);
            Map<String, String> form = new HashMap<>();
            form.put("name", signatory.name());
            form.put("country", signatory.countryCode() == null ? "" : signatory.countryCode());
            form.put("qualifier", signatory.qualifier() == null ? "" : signatory.qualifier());
            form.put("contactName", "Contact person " + i);
            form.put("email", signer(i));
            form.put("authorised", "true");
            form.put("revisionHash", hash);
            assertThat(signatures.postForm("/sign/" + statementId, form).status())
                    .as("signing as %s", signatory.name())
                    .isEqualTo(303);
        }

        for (int i = 0; i < SEED.signatories().size(); i++) {
            String address = signer(i);
            MimeMessage confirmation = Eventually.await(WAIT, () -> Mailbox.onlyMessageTo(address));
            Matcher link = CONFIRM_LINK.matcher(Mailbox.body(confirmation));
            assertThat(link.find())
                    .as("confirmation link mailed to %s", address)
                    .isTrue();
            assertThat(signatures.get(link.group(1)).status()).isEqualTo(200);
            assertThat(signatures.postForm(link.group(1), Map.of()).status()).isEqualTo(200);
        }

        Map<String, Integer> expectedByCountry = new TreeMap<>(SEED.signatories().stream()
                .collect(Collectors.groupingBy(
                        s -> s.countryCode() == null ? "none" : s.countryCode(), Collectors.summingInt(s -> 1))));
        Eventually.await(WAIT, () -> {
            var counts = tracking.get("/api/statements/" + statementId + "/counts");
            assertThat(counts.status()).isEqualTo(200);
            assertThat(counts.json().get("confirmed").asInt()).isEqualTo(34);
        });
        var counts = tracking.get("/api/statements/" + statementId + "/counts").json();
        Map<String, Integer> byCountry = new TreeMap<>();
        counts.get("byCountry")
                .properties()
                .forEach(e -> byCountry.put(e.getKey(), e.getValue().asInt()));
        assertThat(byCountry)
                .isEqualTo(expectedByCountry)
                .containsEntry("GB", 4)
                .containsEntry("TW", 2)
                .containsEntry("none", 11);
        assertThat(counts.at("/byKind/ORGANISATION").asInt()).isEqualTo(34);

        assertThat(statements
                        .postJson("/api/statements/" + statementId + "/publish", Map.of("confirm", true))
                        .status())
                .isEqualTo(200);
        String listId = distribution
                .postJson("/api/contact-lists", Map.of("name", "Press and policy"))
                .json()
                .get("id")
                .asString();
        for (String address : PRESS) {
            assertThat(distribution
                            .postJson(
                                    "/api/contact-lists/" + listId + "/contacts",
                                    Map.of("name", "Contact " + address, "email", address, "language", "en"))
                            .status())
                    .isEqualTo(201);
        }
        var release = Eventually.await(WAIT, () -> {
            var answer =
                    distribution.postJson("/api/releases", Map.of("statementId", statementId, "contactListId", listId));
            assertThat(answer.status()).isEqualTo(201);
            assertThat(answer.json().get("signatories").asInt()).isEqualTo(34);
            return answer.json();
        });
        assertThat(release.get("recipients").asInt()).isEqualTo(3);

        for (String address : PRESS) {
            MimeMessage mail = Eventually.await(WAIT, () -> Mailbox.onlyMessageTo(address));
            assertThat(signatoryBlock(Mailbox.body(mail))).isEqualTo(SEED.signatoryBlock());
            assertThat(Mailbox.body(mail)).startsWith(SEED.title()).contains("Rescind the travel bans");
        }
        Eventually.await(
                WAIT,
                () -> assertThat(distribution
                                .get("/api/releases/" + release.get("id").asString())
                                .json()
                                .at("/deliveries/sent")
                                .asInt())
                        .isEqualTo(3));
        for (String address : PRESS) {
            assertThat(Mailbox.messagesTo(address)).as("mails to %s", address).hasSize(1);
        }
    }

    private static String signer(int i) {
        return "signer" + i + "@xiamen-coalition.example";
    }

    private static List<String> signatoryBlock(String body) {
        List<String> lines = body.lines().toList();
        int heading = lines.indexOf("Signatories:");
        assertThat(heading).as("a Signatories: heading").isPositive();
        return lines.subList(heading + 1, lines.size()).stream()
                .dropWhile(String::isBlank)
                .takeWhile(line -> !line.isBlank())
                .map(String::stripTrailing)
                .toList();
    }
}
