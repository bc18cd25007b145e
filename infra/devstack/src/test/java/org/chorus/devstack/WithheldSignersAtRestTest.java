package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Who signed withheld, as a reader of Kafka or of a database copy would try to learn it: one organisation signs
 * withheld, one signs by name and then turns withheld on its manage page, an invited organisation signs withheld
 * through its invitation, and one signs by name and stays. Afterwards (and after a tracking rebuild) no record of any
 * topic and no row of tracking's, distribution's or statements' tables holds the withheld organisations' names,
 * qualifiers, contact names or addresses; the named one is still exported, released and counted, and the rebuild gives
 * the same counts and pipeline.
 */
class WithheldSignersAtRestTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    static Infrastructure infrastructure;
    static Http statements;
    static Http signatures;
    static Http coordinatorSignatures;
    static Http tracking;
    static Http distribution;

    @BeforeAll
    static void startThePlatform() {
        infrastructure = RealInfrastructure.get();
        statements = TestPlatform.statements();
        signatures = TestPlatform.signatures();
        coordinatorSignatures = signatures.withHeader("Authorization", "Bearer " + DevStack.DEV_API_TOKEN);
        tracking = TestPlatform.tracking();
        distribution = TestPlatform.distribution();
    }

    @Test
    void noTopicOrConsumerTableTellsWhoSignedWithheldWhileTheNamedSignatoryIsStillListedCountedAndReleased() {
        String run = Long.toString(System.nanoTime(), 36);
        Signer quiet = new Signer("Quiet Union " + run, "Fuzhou office " + run, "quiet-" + run + "@union.example");
        Signer turns = new Signer(
                "Second Thoughts Collective " + run, "Taipei chapter " + run, "turns-" + run + "@collective.example");
        Signer invited = new Signer("Invited Quiet League " + run, null, "invited-" + run + "@league.example");
        Signer named = new Signer("Named Lawyers Guild " + run, "Nairobi " + run, "named-" + run + "@guild.example");
        String press = "desk-" + run + "@newswire.example";
        String statementId = DevStack.loadDemo(statements);
        Eventually.await(
                WAIT,
                () -> assertThat(signatures.get("/sign/" + statementId).status())
                        .isEqualTo(200));
        String hash = statements
                .get("/api/statements/" + statementId)
                .json()
                .at("/revision/contentHash")
                .asString();

        // withheld from the start
        signAndConfirm(statementId, quiet.form(hash, "WITHHELD"));
        // by name, then withheld on the manage page
        String manageUrl = signAndConfirm(statementId, turns.form(hash, "PUBLIC"));
        var switched = signatures.postForm(
                manageUrl,
                Map.of(
                        "name", turns.name(),
                        "country", "TW",
                        "visibility", "WITHHELD",
                        "countCountry", "true"));
        assertThat(switched.status()).isEqualTo(200);
        assertThat(switched.body()).doesNotContain(turns.name());
        // invited, signs withheld through the invitation
        assertThat(coordinatorSignatures
                        .postJson(
                                "/api/statements/" + statementId + "/invitations",
                                Map.of(
                                        "invitations",
                                        List.of(Map.of(
                                                "organisation",
                                                invited.name(),
                                                "country",
                                                "BY",
                                                "email",
                                                invited.email(),
                                                "language",
                                                "en"))))
                        .status())
                .isBetween(200, 201);
        String signUrl = link(Eventually.await(WAIT, () -> onlyMailTo(invited.email())), "invitation=");
        Map<String, String> invitedForm = invited.form(hash, "WITHHELD");
        invitedForm.put(
                "invitation",
                UriComponentsBuilder.fromUriString(signUrl)
                        .build()
                        .getQueryParams()
                        .getFirst("invitation"));
        signAndConfirm(statementId, invitedForm);
        // by name, and stays
        signAndConfirm(statementId, named.form(hash, "PUBLIC"));

        JsonNode counts = Eventually.await(WAIT, () -> {
            JsonNode answer =
                    tracking.get("/api/statements/" + statementId + "/counts").json();
            assertThat(answer.get("confirmed").asInt()).isEqualTo(4);
            assertThat(answer.at("/byVisibility/WITHHELD").asInt()).isEqualTo(3);
            return answer;
        });
        JsonNode pipeline = Eventually.await(WAIT, () -> {
            JsonNode answer =
                    tracking.get("/api/statements/" + statementId + "/pipeline").json();
            assertThat(answer.at("/total/signed").asInt()).isEqualTo(1);
            return answer;
        });
        assertThat(pipeline.at("/invitees/0/organisation").isNull()).isTrue();

        // the public list, the release and the export show the named signatory only
        String namedLine = named.name() + " (Kenya), " + named.qualifier();
        assertThat(coordinatorSignatures
                        .get("/api/statements/" + statementId + "/signatories.txt")
                        .body())
                .as("the three withheld signers only as a number")
                .isEqualTo("  1. " + namedLine + "\n\nand 3 signatories who asked not to be named\n");
        assertThat(statements
                        .postJson("/api/statements/" + statementId + "/publish", Map.of("confirm", true))
                        .status())
                .isEqualTo(200);
        String listId = distribution
                .postJson("/api/contact-lists", Map.of("name", "Press " + run))
                .json()
                .get("id")
                .asString();
        assertThat(distribution
                        .postJson(
                                "/api/contact-lists/" + listId + "/contacts",
                                Map.of("name", "Desk", "email", press, "language", "en"))
                        .status())
                .isEqualTo(201);
        Eventually.await(
                WAIT,
                () -> assertThat(distribution
                                .postJson("/api/releases", Map.of("statementId", statementId, "contactListId", listId))
                                .status())
                        .isEqualTo(201));
        String release = body(Eventually.await(WAIT, () -> onlyMailTo(press)));
        String block = release.substring(release.indexOf("Signatories:"), release.lastIndexOf("-- "));
        assertThat(block.lines().map(String::strip).filter(line -> !line.isEmpty()))
                .containsExactly("Signatories:", "1. " + namedLine, "and 3 signatories who asked not to be named");
        assertThat(release).doesNotContain(quiet.name(), turns.name(), invited.name());

        // tracking rebuilt from the topics: the same tables, so the same counts and pipeline
        var rebuilt = tracking.postJson("/api/admin/rebuild?swap=true&timeoutSeconds=120", "");
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertThat(rebuilt.json().get("equal").asBoolean()).as(rebuilt.body()).isTrue();
        assertThat(rebuilt.json().get("swapped").asBoolean()).as(rebuilt.body()).isTrue();
        JsonNode countsAfter =
                tracking.get("/api/statements/" + statementId + "/counts").json();
        for (String field : List.of("confirmed", "byKind", "byCountry", "byVisibility", "removed")) {
            assertThat(countsAfter.get(field)).as(field).isEqualTo(counts.get(field));
        }
        assertThat(tracking.get("/api/statements/" + statementId + "/pipeline").json())
                .isEqualTo(pipeline);

        List<String> needles = new ArrayList<>();
        for (Signer withheld : List.of(quiet, turns, invited)) {
            needles.addAll(withheld.needles());
        }
        List<String> invitee = List.of(invited.name(), invited.email());
        // the confirmation mails' ledger rows are emptied in the write that records them sent
        Eventually.await(WAIT, () -> {
            List<String> found = new ArrayList<>(AtRest.onTopics(needles));
            found.addAll(AtRest.inTables(needles, invitee));
            assertThat(found)
                    .as("a withheld signer's identity found in plaintext")
                    .isEmpty();
        });
        assertThat(AtRest.onTopics(named.needles().subList(0, 1)))
                .as("the named signatory's name is sealed on the wire too")
                .isEmpty();
    }

    /** An organisation signing; {@code needles()} is everything that would tell who they are. */
    record Signer(String name, String qualifier, String email) {
        String contactName() {
            return "Contact of " + name;
        }

        List<String> needles() {
            List<String> needles = new ArrayList<>(List.of(name, email, contactName()));
            if (qualifier != null) {
                needles.add(qualifier);
            }
            return needles;
        }

        Map<String, String> form(String hash, String visibility) {
            Map<String, String> form = new HashMap<>();
            form.put("kind", "ORGANISATION");
            form.put("name", name);
            form.put("country", email.startsWith("named") ? "KE" : "TW");
            form.put("qualifier", qualifier == null ? "" : qualifier);
            form.put("contactName", contactName());
            form.put("email", email);
            form.put("authorised", "true");
            form.put("visibility", visibility);
            form.put("countCountry", "true");
            form.put("revisionHash", hash);
            form.put("website", "");
            return form;
        }
    }

    /** Submits, confirms through the mailed link, and returns the personal manage link (same secret). */
    private static String signAndConfirm(String statementId, Map<String, String> form) {
        var submitted = signatures.postForm("/sign/" + statementId, form);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(303);
        MimeMessage mail = Eventually.await(WAIT, () -> {
            List<MimeMessage> mails = mailsTo(form.get("email")).stream()
                    .filter(message -> body(message).contains("/confirm/"))
                    .toList();
            assertThat(mails).hasSize(1);
            return mails.get(0);
        });
        String confirmUrl = link(mail, "/confirm/");
        assertThat(signatures.postForm(confirmUrl, Map.of()).status()).isEqualTo(200);
        return confirmUrl.replace("/confirm/", "/manage/");
    }

    private static String link(MimeMessage mail, String part) {
        Matcher links = LINK.matcher(body(mail));
        while (links.find()) {
            if (links.group().contains(part)) {
                return links.group();
            }
        }
        throw new AssertionError("no " + part + " link in the mail");
    }

    private static MimeMessage onlyMailTo(String address) {
        List<MimeMessage> mails = mailsTo(address);
        assertThat(mails).as("mails to %s", address).hasSize(1);
        return mails.get(0);
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(infrastructure.mail().getReceivedMessages())
                .filter(message -> recipients(message).contains(address))
                .toList();
    }

    private static String recipients(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return to == null ? "" : Arrays.toString(to);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
