package org.chorus.distribution.releases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.chorus.distribution.Fixtures;
import org.chorus.events.ErratumAdded;
import org.chorus.events.EventTypes;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Mailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A release sent after errata were added to the published statement carries the errata log under the text: numbered,
 * each dated in the reader's language, the heading in it too; a release before any erratum has no such section.
 */
@ChorusServiceTest
class ErrataInReleasesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;
    Fixtures fixtures;

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
        fixtures = new Fixtures(http, jdbc);
    }

    @Test
    void aReleaseAfterAnErratumCarriesTheErrataLogInEachReadersLanguage() {
        UUID statementId = fixtures.openStatement("Free the defenders", "We urge their release.", "en");
        fixtures.translate(statementId, "fr", "Libérez les défenseurs", "Nous demandons leur libération.");
        fixtures.publish(statementId);
        String before = Mailbox.uniqueAddress("before-errata");
        fixtures.awaitSent(
                fixtures.release(statementId, fixtures.list(List.of(new Fixtures.Person("Desk", before, "en", false)))),
                1);
        assertThat(Mailbox.body(Mailbox.onlyMessageTo(before))).doesNotContain("Errata");

        Fixtures.send(
                EventTypes.ERRATUM_ADDED,
                statementId,
                new ErratumAdded(
                        statementId, 1, "Signatory 2 works from Geneva.", Instant.parse("2031-01-02T10:00:00Z")));
        Fixtures.send(
                EventTypes.ERRATUM_ADDED,
                statementId,
                new ErratumAdded(
                        statementId, 2, "The second demand names Ding Jiaxi.", Instant.parse("2031-01-03T10:00:00Z")));
        Eventually.await(
                Fixtures.TIMEOUT,
                () -> assertThat(jdbc.sql("select count(*) from statement_erratum where statement_id = ?")
                                .param(statementId)
                                .query(Long.class)
                                .single())
                        .isEqualTo(2));

        String english = Mailbox.uniqueAddress("english-errata");
        String french = Mailbox.uniqueAddress("french-errata");
        fixtures.awaitSent(
                fixtures.release(
                        statementId,
                        fixtures.list(List.of(
                                new Fixtures.Person("English Desk", english, "en", false),
                                new Fixtures.Person("French Desk", french, "fr", false)))),
                2);

        assertThat(Mailbox.body(Mailbox.onlyMessageTo(english)))
                .contains("We urge their release.\n\nErrata:\n\n"
                        + "1. (January 2, 2031) Signatory 2 works from Geneva.\n"
                        + "2. (January 3, 2031) The second demand names Ding Jiaxi.\n\nSignatories:");
        assertThat(Mailbox.body(Mailbox.onlyMessageTo(french)))
                .contains("Nous demandons leur libération.\n\nErrata :\n\n"
                        + "1. (2 janvier 2031) Signatory 2 works from Geneva.\n"
                        + "2. (3 janvier 2031) The second demand names Ding Jiaxi.\n\nSignataires :");
    }
}
