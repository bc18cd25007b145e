package org.chorus.distribution.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.chorus.distribution.AddressKey;
import org.chorus.distribution.Fixtures;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ChorusServiceTest
class SuppressedAtSendingTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Sender sender;

    @Autowired
    AddressKey key;

    @Test
    void anAddressSuppressedAfterTheReleaseWasPlannedIsCheckedAgainRightBeforeSending() {
        Fixtures fixtures = new Fixtures(new Http("http://localhost:" + port), jdbc);
        UUID statementId = fixtures.publishedStatement("Free the defenders", "We urge their release.", "en");
        String bounced = Mailbox.uniqueAddress("bounced-elsewhere");
        String fine = Mailbox.uniqueAddress("fine");
        String listId = fixtures.list(List.of(
                new Fixtures.Person("Bounced Elsewhere", bounced, "en", false),
                new Fixtures.Person("Fine", fine, "en", false)));

        sender.stop();
        String releaseId;
        try {
            releaseId = fixtures.release(statementId, listId);
            // the same address hard-bounced on another list while this release was still waiting to go out
            jdbc.sql("""
                            insert into suppression (address_hash, scheme, reason)
                            values (address_hmac(?, ?, ?), 'hmac-sha256', 'HARD_BOUNCE')""").params(bounced, key.innerPad(), key.outerPad()).update();
        } finally {
            sender.start();
        }

        fixtures.awaitSent(releaseId, 1);
        Eventually.await(
                Fixtures.TIMEOUT,
                // the row was emptied as it was recorded SUPPRESSED: found by the keyed hash of its address
                () -> assertThat(jdbc.sql("""
                                        select status from delivery
                                        where release_id = ? and address_hash = address_hmac(?, ?, ?)""")
                                .params(UUID.fromString(releaseId), bounced, key.innerPad(), key.outerPad())
                                .query(String.class)
                                .single())
                        .isEqualTo("SUPPRESSED"));
        assertThat(Mailbox.messagesTo(bounced)).isEmpty();
        assertThat(Mailbox.messagesTo(fine)).hasSize(1);
    }
}
