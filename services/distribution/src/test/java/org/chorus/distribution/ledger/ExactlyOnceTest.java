package org.chorus.distribution.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.chorus.distribution.Fixtures;
import org.chorus.events.EventTypes;
import org.chorus.events.ReleaseCompleted;
import org.chorus.events.Topics;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Mailbox;
import org.chorus.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@ChorusServiceTest
class ExactlyOnceTest {
    private static final int RECIPIENTS = 300;
    private static final List<String> LANGUAGES = List.of("en", "fr", "es");
    private static final Map<String, String> TITLES =
            Map.of("en", "Free the defenders", "fr", "Libérez les défenseurs", "es", "Liberen a los defensores");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Sender sender;

    @Autowired
    JavaMailSenderImpl smtp;

    @Autowired
    Clock clock;

    @Test
    void aReleaseInterruptedByACrashAndAStopReachesEveryRecipientExactlyOnce() throws Exception {
        Http http = new Http("http://localhost:" + port);
        Fixtures fixtures = new Fixtures(http, jdbc);
        UUID statementId = fixtures.publishedStatement("Free the defenders", "We urge their release.", "en");
        fixtures.translate(statementId, "fr", "Libérez les défenseurs", "Nous demandons leur libération.");
        fixtures.translate(statementId, "es", "Liberen a los defensores", "Pedimos su liberación.");
        List<Fixtures.Person> people = new ArrayList<>();
        for (int i = 0; i < RECIPIENTS; i++) {
            people.add(new Fixtures.Person(
                    "Reporter " + i, Mailbox.uniqueAddress("r" + i), LANGUAGES.get(i % LANGUAGES.size()), false));
        }
        String listId = fixtures.list(people);

        sender.stop();
        String releaseId;
        List<Delivery> crashed;
        try {
            releaseId = fixtures.release(statementId, listId);

            // Another instance claimed 40 rows, got 15 of them out through SMTP, and died before marking any as sent.
            crashed = sender.claim("crashed-instance", clock.instant(), 40);
            assertThat(crashed)
                    .hasSize(40)
                    .allMatch(row -> row.releaseId().toString().equals(releaseId));
            for (Delivery delivery : crashed.subList(0, 15)) {
                smtp.send(sender.message(delivery));
            }
            jdbc.sql("update delivery set claimed_at = claimed_at - interval '10 minutes' "
                            + "where claimed_by = 'crashed-instance'")
                    .update();

            // This instance starts sending, slowly, and is stopped in the middle of the release.
            sender.ratePerSecond(100);
            sender.start();
            Eventually.await(
                    Fixtures.TIMEOUT,
                    () -> assertThat(http.get("/api/releases/" + releaseId)
                                    .json()
                                    .at("/deliveries/sent")
                                    .asInt())
                            .isGreaterThanOrEqualTo(60));
            sender.stop();
            var stopped = http.get("/api/releases/" + releaseId).json().get("deliveries");
            assertThat(stopped.get("sent").asInt()).isLessThan(RECIPIENTS);
            assertThat(stopped.get("planned").asInt()).isPositive();
            assertThat(stopped.get("sending").asInt()).isZero();
        } finally {
            sender.ratePerSecond(0);
            sender.start();
        }

        fixtures.awaitSent(releaseId, RECIPIENTS);
        Map<String, List<String>> received = Mailbox.messageIdsByRecipient();
        var contacts = http.get("/api/contact-lists/" + listId).json().get("contacts");
        List<String> resentAfterCrash = crashed.subList(0, 15).stream()
                .map(Delivery::recipientAddress)
                .map(address -> address.toLowerCase(Locale.ROOT))
                .toList();
        for (var contact : contacts) {
            String address = contact.get("email").asString().toLowerCase(Locale.ROOT);
            String expectedId = "<" + releaseId + "." + contact.get("id").asString() + "@chorus>";
            List<String> ids = received.get(address);
            assertThat(ids).as("mail to %s", address).isNotEmpty().containsOnly(expectedId);
            // the copies a crash between SMTP and the ledger may cause carry one Message-ID: receivers keep one
            assertThat(ids).hasSize(resentAfterCrash.contains(address) ? 2 : 1);
        }
        for (Fixtures.Person person : people.subList(0, 6)) {
            assertThat(Mailbox.messagesTo(person.email()))
                    .allSatisfy(mail -> assertThat(Mailbox.subject(mail)).isEqualTo(TITLES.get(person.language())));
        }
        var completed = TopicReader.awaitEvents(
                Topics.DISTRIBUTION, EventTypes.RELEASE_COMPLETED.name(), statementId, Fixtures.TIMEOUT);
        assertThat(completed).hasSize(1);
        assertThat(((ReleaseCompleted) completed.get(0).data()).sent()).isEqualTo(RECIPIENTS);
        // the coordinator sees the release end as sent, not sending forever
        assertThat(Eventually.await(Fixtures.TIMEOUT, () -> {
                            var progress =
                                    http.get("/api/releases/" + releaseId).json();
                            assertThat(progress.get("state").asString()).isEqualTo("SENT");
                            return progress;
                        })
                        .hasNonNull("completedAt"))
                .isTrue();
        assertThat(jdbc.sql("""
                        select count(*) from delivery_recovery
                        where previous_owner = 'crashed-instance' and decision = 'RESEND_WITH_SAME_MESSAGE_ID'
                          and delivery_id in (select id from delivery where release_id = ?)""")
                        .param(UUID.fromString(releaseId))
                        .query(Integer.class)
                        .single())
                .isEqualTo(40);
    }

    @Test
    void aBatchThatWaitedPastItsLeaseLeavesItsRowsToTheClaimThatTookThemOverEvenOnTheSameInstance() {
        Http http = new Http("http://localhost:" + port);
        Fixtures fixtures = new Fixtures(http, jdbc);
        UUID statementId = fixtures.publishedStatement("Protect the observers", "We stand with them.", "en");
        List<Fixtures.Person> people = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            people.add(new Fixtures.Person("Editor " + i, Mailbox.uniqueAddress("editor" + i), "en", false));
        }
        String listId = fixtures.list(people);

        sender.stop();
        String releaseId;
        List<Delivery> stalled;
        List<Delivery> takenOver;
        String stalledOwner;
        String takingOwner;
        try {
            releaseId = fixtures.release(statementId, listId);
            // one batch of this instance is claimed, then waits (for the rate limit, or the database) past its lease
            stalledOwner = sender.newOwner();
            stalled = sender.claim(stalledOwner, clock.instant(), 1_000);
            jdbc.sql("update delivery set claimed_at = claimed_at - interval '10 minutes' where claimed_by = ?")
                    .param(stalledOwner)
                    .update();
            // meanwhile the next claim of the same instance finds those rows under an expired lease and takes them over
            takingOwner = sender.newOwner();
            takenOver = sender.claim(takingOwner, clock.instant(), 1_000);
        } finally {
            sender.start();
        }
        assertThat(takingOwner).isNotEqualTo(stalledOwner);
        assertThat(takenOver)
                .extracting(Delivery::id)
                .containsAll(stalled.stream().map(Delivery::id).toList());

        // the stalled batch goes on at the same time as the claim that took it over: each row must go out once
        CompletableFuture<Void> resumed = CompletableFuture.runAsync(() -> sender.send(stalled, stalledOwner));
        sender.send(takenOver, takingOwner);
        resumed.join();

        fixtures.awaitSent(releaseId, people.size());
        Map<String, List<String>> received = Mailbox.messageIdsByRecipient();
        for (Fixtures.Person person : people) {
            assertThat(received.get(person.email().toLowerCase(Locale.ROOT)))
                    .as("mail to %s", person.email())
                    .hasSize(1);
        }
    }
}
