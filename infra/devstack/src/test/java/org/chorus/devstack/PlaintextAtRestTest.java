package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.chorus.events.Topics;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.Mailbox;
import org.chorus.testsupport.RealInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.SmartLifecycle;

/**
 * What an attacker who reads the broker (every topic and dead-letter topic from the beginning) or a copy of the
 * database (every table of every schema) learns about signers after a whole sign-on: a withheld signer's address, and
 * the secrets of every link mailed to a signer, invitee or press contact (confirm, manage, re-consent, invitation,
 * decline, unsubscribe) must be nowhere in plaintext once the mails have left, and the bounces of those mails still
 * count. The needles come from the mails GreenMail received, as a recipient sees them.
 */
class PlaintextAtRestTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Random tokens (base64url, possibly signed as payload.mac): long, with upper and lower case and digits. */
    private static final Pattern SECRET = Pattern.compile("(?=.*[A-Z])(?=.*[a-z])(?=.*[0-9])[A-Za-z0-9_.-]{20,}");

    /** chorus.bounces.providers.dev.secret of distribution.yml. */
    private static final byte[] DEV_BOUNCE_SECRET =
            Base64.getDecoder().decode("ZGV2LW9ubHktYm91bmNlLXByb3ZpZGVyLXNlY3JldC1ub3QtZm9yLXVzZSE=");

    static Infrastructure infrastructure;
    static Http statements;
    static Http signatures;
    static Http coordinatorSignatures;
    static Http distribution;

    @BeforeAll
    static void startThePlatform() {
        infrastructure = RealInfrastructure.get();
        statements = TestPlatform.statements();
        signatures = TestPlatform.signatures();
        coordinatorSignatures = signatures.withHeader("Authorization", "Bearer " + DevStack.DEV_API_TOKEN);
        distribution = TestPlatform.distribution();
    }

    @Test
    void noTopicOrTableHoldsASignersAddressOrLiveLinkInPlaintext() {
        String run = Long.toString(System.nanoTime(), 36);
        String withheld = "withheld-" + run + "@defenders.example";
        String invitee = "invitee-" + run + "@union.example";
        String press = "desk-" + run + "@newswire.example";
        String statementId = DevStack.loadDemo(statements);
        Eventually.await(
                WAIT,
                () -> assertThat(signatures.get("/sign/" + statementId).status())
                        .isEqualTo(200));
        String hash = contentHash(statementId);

        // a withheld individual signs and confirms through the mailed link
        assertThat(signatures
                        .postForm("/sign/" + statementId, withheldSigner(withheld, hash))
                        .status())
                .isEqualTo(303);
        String confirmUrl = link(Eventually.await(WAIT, () -> Mailbox.onlyMessageTo(withheld)), "/confirm/");
        assertThat(signatures.postForm(confirmUrl, Map.of()).status()).isEqualTo(200);

        // an invitation
        assertThat(coordinatorSignatures
                        .postJson(
                                "/api/statements/" + statementId + "/invitations",
                                Map.of(
                                        "invitations",
                                        List.of(Map.of(
                                                "organisation",
                                                "Quiet Union " + run,
                                                "country",
                                                "NL",
                                                "email",
                                                invitee,
                                                "language",
                                                "en"))))
                        .status())
                .isBetween(200, 201);
        Eventually.await(WAIT, () -> Mailbox.onlyMessageTo(invitee));

        // a material revision: the withheld signer is asked to re-consent
        assertThat(statements
                        .postJson(
                                "/api/statements/" + statementId + "/revisions",
                                Map.of(
                                        "title",
                                        "Free the Xiamen defenders",
                                        "body",
                                        "We urge the release of every detained defender, now. " + run,
                                        "material",
                                        true))
                        .status())
                .isEqualTo(200);
        String reconsentUrl = Eventually.await(WAIT, () -> {
            List<MimeMessage> mails = Mailbox.messagesTo(withheld);
            assertThat(mails).hasSize(2);
            return link(mails.get(1), "/reconsent/");
        });
        assertThat(signatures.get(reconsentUrl).status()).isEqualTo(200);

        // publication and a release to the press
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
        Eventually.await(WAIT, () -> Mailbox.onlyMessageTo(press));

        Set<String> secrets = new LinkedHashSet<>();
        for (String recipient : List.of(withheld, invitee, press)) {
            Mailbox.messagesTo(recipient).forEach(mail -> secrets.addAll(linkSecrets(mail)));
        }
        assertThat(secrets)
                .as("confirm/manage, re-consent, invitation, decline and unsubscribe secrets")
                .hasSizeGreaterThanOrEqualTo(5);

        // as soon as the mails have left, without waiting for any redaction pass
        Eventually.await(WAIT, () -> {
            List<String> found = new ArrayList<>();
            List<String> needles = new ArrayList<>(secrets);
            needles.add(withheld);
            found.addAll(AtRest.onTopics(needles));
            found.addAll(AtRest.inTables(needles, List.of(invitee)));
            assertThat(found).as("plaintext found").isEmpty();
        });

        // the emptied rows still take the bounces of the mails they were: by Message-ID, the named recipient through
        // the keyed hash of the address
        String confirmation = messageId(Mailbox.messagesTo(withheld).get(0));
        String release = messageId(Mailbox.onlyMessageTo(press));
        assertThat(bounce(confirmation, "someone-else@defenders.example", false))
                .as("a bounce naming another recipient")
                .isEqualTo("UNKNOWN_MESSAGE");
        assertThat(bounce(confirmation, withheld, false)).isEqualTo("APPLIED");
        assertThat(bounce(release, press, true))
                .as("the press contact is suppressed")
                .isEqualTo("SUPPRESSED");
    }

    /**
     * Mail that has not left yet (a release waiting for its embargo, a confirmation waiting while distribution's sender
     * is stopped, as in an SMTP outage) is stored sealed: a copy of every table taken while it waits holds neither the
     * address nor any link secret that the mail, once sent, carries. The press contact's address is in its contact
     * record, the one place it is meant to be.
     */
    @Test
    void aCopyOfTheDatabaseTakenWhileMailWaitsHoldsNoAddressOrLinkOfThatMail() {
        String run = Long.toString(System.nanoTime(), 36);
        String withheld = "waiting-" + run + "@defenders.example";
        String press = "embargoed-" + run + "@newswire.example";

        // a release to the press, under an embargo
        String released = DevStack.loadDemo(statements);
        Eventually.await(
                WAIT,
                () -> assertThat(signatures.get("/sign/" + released).status()).isEqualTo(200));
        assertThat(statements
                        .postJson("/api/statements/" + released + "/publish", Map.of("confirm", true))
                        .status())
                .isEqualTo(200);
        String listId = distribution
                .postJson("/api/contact-lists", Map.of("name", "Embargoed press " + run))
                .json()
                .get("id")
                .asString();
        assertThat(distribution
                        .postJson(
                                "/api/contact-lists/" + listId + "/contacts",
                                Map.of("name", "Embargoed Desk", "email", press, "language", "en"))
                        .status())
                .isEqualTo(201);
        Instant embargo = Instant.now().plusSeconds(40);
        Eventually.await(
                WAIT,
                () -> assertThat(distribution
                                .postJson(
                                        "/api/releases",
                                        Map.of(
                                                "statementId",
                                                released,
                                                "contactListId",
                                                listId,
                                                "embargoUntil",
                                                embargo.toString()))
                                .status())
                        .isEqualTo(201));

        // a confirmation mail that cannot leave: distribution's sender is stopped
        SmartLifecycle sender = distributionSender();
        sender.stop();
        List<String> copy;
        try {
            String signed = DevStack.loadDemo(statements);
            Eventually.await(
                    WAIT,
                    () -> assertThat(signatures.get("/sign/" + signed).status()).isEqualTo(200));
            assertThat(signatures
                            .postForm("/sign/" + signed, withheldSigner(withheld, contentHash(signed)))
                            .status())
                    .isEqualTo(303);
            Eventually.await(
                    WAIT, () -> assertThat(waiting(signed, "MAIL_REQUEST")).isEqualTo(1));
            Eventually.await(
                    WAIT, () -> assertThat(waiting(released, "RELEASE")).isEqualTo(1));
            assertThat(Mailbox.messagesTo(withheld)).isEmpty();
            assertThat(Mailbox.messagesTo(press)).isEmpty();
            copy = everyRow();
        } finally {
            sender.start();
        }

        Eventually.await(WAIT, () -> Mailbox.onlyMessageTo(withheld));
        Eventually.await(Duration.ofSeconds(120), () -> Mailbox.onlyMessageTo(press));
        Set<String> secrets = new LinkedHashSet<>();
        for (String recipient : List.of(withheld, press)) {
            Mailbox.messagesTo(recipient).forEach(mail -> secrets.addAll(linkSecrets(mail)));
        }
        assertThat(secrets)
                .as("the confirm and manage secret (one token), the unsubscribe secret")
                .hasSizeGreaterThanOrEqualTo(2);
        List<String> needles = new ArrayList<>(secrets);
        needles.add(withheld);
        List<String> found = new ArrayList<>();
        for (String row : copy) {
            String table = row.substring(0, row.indexOf(' '));
            for (String needle : needles) {
                if (contains(row, needle)) {
                    found.add(table + ": " + needle);
                }
            }
            if (contains(row, press) && !table.equals("\"distribution\".\"contact\"")) {
                found.add(table + ": " + press);
            }
        }
        assertThat(found).as("plaintext of waiting mail found").isEmpty();
    }

    private static boolean contains(String row, String needle) {
        return row.contains(needle) || row.contains(HexFormat.of().formatHex(needle.getBytes(StandardCharsets.UTF_8)));
    }

    /** Mail about the statement planned and not sent yet, of one kind. */
    private static long waiting(String statementId, String kind) {
        try (Connection db = DriverManager.getConnection(
                        infrastructure.jdbcUrl(), infrastructure.dbUser(), infrastructure.dbPassword());
                var sql = db.prepareStatement("""
                        select count(*) from distribution.delivery
                        where event_subject = ? and kind = ? and status = 'PLANNED'""")) {
            sql.setString(1, statementId);
            sql.setString(2, kind);
            try (ResultSet rows = sql.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SmartLifecycle distributionSender() {
        return TestPlatform.get().services().stream()
                .filter(context ->
                        "distribution".equals(context.getEnvironment().getProperty("spring.application.name")))
                .findFirst()
                .orElseThrow()
                .getBean("sender", SmartLifecycle.class);
    }

    /** Every row of every table of every schema as text, each prefixed with its table's name: a copy of the database. */
    private static List<String> everyRow() {
        List<String> copy = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(
                        infrastructure.jdbcUrl(), infrastructure.dbUser(), infrastructure.dbPassword());
                Statement sql = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("""
                    select table_schema, table_name from information_schema.tables
                    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')""")) {
                while (rows.next()) {
                    tables.add('"' + rows.getString(1) + "\".\"" + rows.getString(2) + '"');
                }
            }
            for (String table : tables) {
                try (ResultSet rows = sql.executeQuery("select t::text from " + table + " t")) {
                    while (rows.next()) {
                        copy.add(table + " " + rows.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return copy;
    }

    @Test
    void theMailRequestsTopicAndEveryDeadLetterTopicKeepRecordsForABoundedTime() throws Exception {
        TestPlatform.get();
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrap()))) {
            List<String> bounded = new ArrayList<>(List.of(Topics.MAIL_REQUESTS));
            Topics.ALL.forEach(topic -> bounded.add(Topics.deadLetter(topic)));
            List<ConfigResource> resources = bounded.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
                    .toList();
            Map<ConfigResource, Config> configs =
                    admin.describeConfigs(resources).all().get();
            for (ConfigResource resource : resources) {
                long retention =
                        Long.parseLong(configs.get(resource).get("retention.ms").value());
                assertThat(retention)
                        .as("retention.ms of %s", resource.name())
                        .isPositive()
                        .isLessThanOrEqualTo(Duration.ofDays(14).toMillis());
            }
        }
    }

    private static Map<String, String> withheldSigner(String address, String hash) {
        return Map.of(
                "kind", "INDIVIDUAL",
                "name", "Withheld Defender",
                "country", "CN",
                "qualifier", "Rights lawyer",
                "email", address,
                "visibility", "WITHHELD",
                "countCountry", "true",
                "revisionHash", hash,
                "website", "");
    }

    private static String contentHash(String statementId) {
        return statements
                .get("/api/statements/" + statementId)
                .json()
                .at("/revision/contentHash")
                .asString();
    }

    /** The secret parts of every link in a mail: path segments and query values that are random tokens. */
    private static Set<String> linkSecrets(MimeMessage mail) {
        Set<String> secrets = new LinkedHashSet<>();
        Matcher links = LINK.matcher(Mailbox.body(mail));
        while (links.find()) {
            String afterHost = links.group().replaceFirst("https?://[^/]+", "");
            for (String part : afterHost.split("[/?&=]")) {
                if (SECRET.matcher(part).matches() && !UUID_TEXT.matcher(part).matches()) {
                    secrets.add(part);
                }
            }
        }
        return secrets;
    }

    private static String link(MimeMessage mail, String path) {
        Matcher links = LINK.matcher(Mailbox.body(mail));
        while (links.find()) {
            if (links.group().contains(path)) {
                return links.group();
            }
        }
        throw new AssertionError("no " + path + " link in the mail");
    }

    /** A bounce report signed as the dev provider of distribution.yml; returns its outcome. */
    private static String bounce(String messageId, String recipient, boolean hard) {
        String body = "{\"messageId\":\"" + messageId + "\",\"recipient\":\"" + recipient + "\",\"hard\":" + hard
                + ",\"reason\":\"550 5.1.1 user unknown\"}";
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(DEV_BOUNCE_SECRET, "HmacSHA256"));
            String signature =
                    HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            var answer = distribution
                    .withHeader("X-Chorus-Provider", "dev")
                    .withHeader("X-Chorus-Timestamp", timestamp)
                    .withHeader("X-Chorus-Signature", "sha256=" + signature)
                    .postJson("/api/bounces", body);
            if (answer.status() == 404) {
                return "UNKNOWN_MESSAGE";
            }
            assertThat(answer.status()).isEqualTo(202);
            return answer.json().get("outcome").asString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
