package org.chorus.signatures.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chorus.signatures.signon.Statements;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.LoopbackClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Floods meet a limit and a small puzzle; people without JavaScript get a readable message; addresses stay unknown. */
@ChorusServiceTest
class AbuseLimitsTest {
    private static final Pattern CHALLENGE = Pattern.compile("name=\"powChallenge\" value=\"([^\"]+)\"");
    private static final Pattern BITS = Pattern.compile("data-pow-bits=\"(\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFloodOnOneLinkAsksForProofOfWorkAndThePageWithoutScriptSaysWhy() {
        Http http = new Http("http://localhost:" + port);
        UUID statementId = Statements.open(http, "Flooded statement", "en", "Text.");
        for (int i = 0; i < 6; i++) {
            assertThat(http.postForm(
                                    "/sign/" + statementId,
                                    Statements.organisation("Org " + i, "", "org" + i + "@example.org"))
                            .status())
                    .isEqualTo(303);
        }

        var limited =
                http.postForm("/sign/" + statementId, Statements.organisation("Org Seven", "NL", "seven@example.org"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body())
                .contains("Please try again in an hour", "value=\"Org Seven\"", "src=\"/proof-of-work");
        assertThat(signatures(statementId)).isEqualTo(6);

        Matcher challenge = CHALLENGE.matcher(limited.body());
        Matcher bits = BITS.matcher(limited.body());
        assertThat(challenge.find() && bits.find()).isTrue();
        String nonce = solve(challenge.group(1), Integer.parseInt(bits.group(1)));
        Map<String, String> solved = Statements.organisation("Org Seven", "NL", "seven@example.org");
        solved.put("powChallenge", challenge.group(1));
        solved.put("powNonce", nonce);
        assertThat(http.postForm("/sign/" + statementId, solved).status()).isEqualTo(303);
        assertThat(signatures(statementId)).isEqualTo(7);

        assertThat(http.postForm("/sign/" + statementId, solved).status())
                .as("a solution counts once")
                .isEqualTo(429);
        Map<String, String> wrong = Statements.organisation("Org Eight", "NL", "eight@example.org");
        wrong.put("powChallenge", challenge.group(1));
        wrong.put("powNonce", "not-a-solution");
        assertThat(http.postForm("/sign/" + statementId, wrong).status()).isEqualTo(429);
        assertThat(signatures(statementId)).isEqualTo(7);
    }

    @Test
    void clientsAreCountedPerHourUnderAKeyedHashThatNeverHoldsTheirAddress() {
        RateLimits limits = new RateLimits(
                Base64.getEncoder().encodeToString("a-test-secret-of-thirty-two-byte".getBytes()), 2, 1000, 8);
        UUID statement = UUID.randomUUID();
        Instant now = Instant.parse("2026-05-01T10:15:00Z");

        assertThat(limits.submission(statement, "203.0.113.9", now)).isEqualTo(RateLimits.Verdict.ALLOWED);
        assertThat(limits.submission(statement, "203.0.113.9", now)).isEqualTo(RateLimits.Verdict.ALLOWED);
        assertThat(limits.submission(statement, "203.0.113.9", now)).isEqualTo(RateLimits.Verdict.PROOF_NEEDED);
        assertThat(limits.submission(statement, "198.51.100.7", now)).isEqualTo(RateLimits.Verdict.ALLOWED);
        assertThat(limits.windowKeys()).noneMatch(key -> key.contains("203.0.113") || key.contains("198.51"));

        Instant nextHour = now.plus(Duration.ofHours(1));
        assertThat(limits.submission(statement, "203.0.113.9", nextHour)).isEqualTo(RateLimits.Verdict.ALLOWED);
        assertThat(limits.windowKeys()).allMatch(key -> key.startsWith(nextHour.getEpochSecond() / 3600 + "|"));

        String challenge = limits.challenge(statement, now);
        String nonce = solve(challenge, 8);
        assertThat(limits.proofValid(UUID.randomUUID(), challenge, nonce, now))
                .as("bound to its statement")
                .isFalse();
        assertThat(limits.proofValid(statement, challenge, nonce, now.plus(Duration.ofHours(3))))
                .as("expires")
                .isFalse();
        assertThat(limits.proofValid(statement, challenge, nonce, now)).isTrue();
    }

    @Test
    void aFloodOfRefusedSubmissionsDoesNotLockOtherSignersOut() {
        Http http = new Http("http://localhost:" + port);
        UUID statementId = Statements.open(http, "A statement someone floods", "en", "Text.");
        Http attacker = http.withHeader("X-Forwarded-For", "198.51.100.66");
        for (int i = 0; i < 6; i++) {
            assertThat(attacker.postForm(
                                    "/sign/" + statementId,
                                    Statements.organisation("Flood " + i, "", "flood" + i + "@example.org"))
                            .status())
                    .isEqualTo(303);
        }
        long start = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            assertThat(attacker.postForm(
                                    "/sign/" + statementId,
                                    Statements.organisation("Flood " + i, "", "flood-more" + i + "@example.org"))
                            .status())
                    .isEqualTo(429);
        }
        System.out.printf("300 refused submissions took %d ms%n", (System.nanoTime() - start) / 1_000_000);

        for (String signer : List.of("198.51.100.20", "198.51.100.21", "2001:db8::7")) {
            var signed = http.withHeader("X-Forwarded-For", signer)
                    .postForm(
                            "/sign/" + statementId,
                            Statements.organisation("Rightful " + signer, "", "rightful@example.org"));
            assertThat(signed.status())
                    .as("a signer without JavaScript on another address signs at once")
                    .isEqualTo(303);
        }
        assertThat(signatures(statementId)).isEqualTo(9);
        assertThat(attacker.postForm("/sign/" + statementId, Statements.organisation("Again", "", "a@example.org"))
                        .status())
                .isEqualTo(429);
    }

    @Test
    void refusedAttemptsSpendOnlyTheirSendersBudget() {
        RateLimits limits = new RateLimits(
                Base64.getEncoder().encodeToString("a-test-secret-of-thirty-two-byte".getBytes()), 3, 10, 8);
        UUID statement = UUID.randomUUID();
        Instant now = Instant.parse("2026-05-01T10:15:00Z");
        int allowed = 0;
        for (int i = 0; i < 100; i++) {
            if (limits.submission(statement, "203.0.113.66", now) == RateLimits.Verdict.ALLOWED) {
                limits.accepted(statement, now);
                allowed++;
            }
        }
        assertThat(allowed).isEqualTo(3);
        for (int i = 0; i < 7; i++) {
            assertThat(limits.submission(statement, "198.51.100." + i, now))
                    .as("the refused 97 spent nothing of the link's 10")
                    .isEqualTo(RateLimits.Verdict.ALLOWED);
            limits.accepted(statement, now);
        }
        assertThat(limits.submission(statement, "198.51.100.200", now))
                .as("past the link's budget a client's first attempt of the hour is still free")
                .isEqualTo(RateLimits.Verdict.ALLOWED);
        assertThat(limits.submission(statement, "198.51.100.200", now)).isEqualTo(RateLimits.Verdict.PROOF_NEEDED);
        assertThat(limits.submission(UUID.randomUUID(), "198.51.100.201", now))
                .as("other links are not affected")
                .isEqualTo(RateLimits.Verdict.ALLOWED);
    }

    @Test
    void aBombedAddressGetsItsConfirmationMailsSpacedOutAndTheNextSignerIsToldTheirsMayTakeAWhile() {
        Http http = new Http("http://localhost:" + port);
        UUID statementId = Statements.open(http, "A statement used to bomb an inbox", "en", "Text.");
        String victim = "victim-" + UUID.randomUUID() + "@example.org";
        Http bomber = http.withHeader("X-Forwarded-For", "198.51.100.100");
        for (int i = 0; i < 6; i++) {
            assertSent(
                    bomber.postForm("/sign/" + statementId, Statements.organisation("Bomber " + i, "", victim)),
                    statementId);
        }
        assertThat(held(victim))
                .as("one sender's newest sign-on waits, the earlier ones it replaced are gone")
                .isEqualTo(1);
        assertThat(signaturesTo(victim)).as("five mailed, one waiting").isEqualTo(6);
        for (int i = 0; i < 12; i++) {
            http.withHeader("X-Forwarded-For", "192.0." + (10 + i) + ".1")
                    .postForm("/sign/" + statementId, Statements.organisation("Bomber net " + i, "", victim));
        }
        assertThat(signaturesTo(victim) - held(victim))
                .as("ten mails at once to one mailbox, however many networks")
                .isEqualTo(10);

        var later = http.withHeader("X-Forwarded-For", "203.0.113.200")
                .postForm("/sign/" + statementId + "?lang=fr", Statements.organisation("Signataire réel", "", victim));
        assertThat(later.status()).isEqualTo(303);
        String location = later.raw().headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/sign/" + statementId + "/sent?lang=fr&mail=later");
        assertThat(http.get(java.net.URI.create(location).getPath() + "?lang=fr&mail=later")
                        .body())
                .contains("peut prendre un moment");
        assertThat(http.get("/sign/" + statementId + "/sent").body()).doesNotContain("may take a while");

        assertThat(http.withHeader("X-Forwarded-For", "198.51.100.99")
                        .postForm(
                                "/sign/" + statementId,
                                Statements.organisation("Someone else", "", "someone-else@example.org"))
                        .raw()
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .as("other mailboxes are not affected")
                .endsWith("/sent");
        assertThat(jdbc.sql("select mailbox_key from held_confirmation_mail")
                        .query(String.class)
                        .list())
                .noneMatch(key -> key.contains("example.org"));
    }

    @Test
    void forgedSignOnsFromOneLoopbackAddressLeaveTheRealSignerOnAnotherTheirConfirmationMail() {
        Http http = new Http("http://localhost:" + port);
        UUID statementId = Statements.open(http, "A statement someone signs in another's name", "en", "Text.");
        String address = "press-" + UUID.randomUUID() + "@ngo.example";
        LoopbackClient forger = new LoopbackClient("127.0.0.2", port);
        for (int i = 0; i < 6; i++) {
            assertThat(forger.postForm("/sign/" + statementId, Statements.organisation("Forged " + i, "", address))
                            .status())
                    .isEqualTo(303);
        }
        assertThat(signaturesTo(address) - held(address))
                .as("the forger spent their own share only; their newest sign-on waits")
                .isEqualTo(5);

        LoopbackClient signer = new LoopbackClient("127.0.0.3", port);
        assertThat(signer.postForm("/sign/" + statementId, Statements.organisation("Real Organisation", "", address))
                        .status())
                .isEqualTo(303);
        var mail = Eventually.await(Statements.WAIT, () -> {
            var latest = Statements.mailTo(statementId, "signature-confirmation", address);
            assertThat(latest.recipientName()).isEqualTo("Real Organisation");
            return latest;
        });
        var confirmed = signer.postForm(
                java.net.URI.create(mail.variables().get("confirmUrl")).getPath(), Map.of());
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Signature confirmed");
    }

    private static void assertSent(Http.Response answer, UUID statementId) {
        assertThat(answer.status())
                .as("stored either way, its mail sent or held")
                .isEqualTo(303);
        assertThat(answer.raw().headers().firstValue("Location").orElseThrow())
                .matches(".*/sign/" + statementId + "/sent(\\?mail=later)?");
    }

    private int held(String address) {
        return jdbc.sql("""
                        select count(*) from held_confirmation_mail h join signature s on s.id = h.signature_id
                        where s.email = ?""").param(address).query(Integer.class).single();
    }

    private int signaturesTo(String address) {
        return jdbc.sql("select count(*) from signature where email = ?")
                .param(address)
                .query(Integer.class)
                .single();
    }

    private static String solve(String challenge, int bits) {
        for (int nonce = 0; ; nonce++) {
            if (RateLimits.leadingZeroBits(RateLimits.sha256(challenge + ":" + nonce)) >= bits) {
                return String.valueOf(nonce);
            }
        }
    }

    private int signatures(UUID statementId) {
        return jdbc.sql("select count(*) from signature where statement_id = ?")
                .param(statementId)
                .query(Integer.class)
                .single();
    }
}
