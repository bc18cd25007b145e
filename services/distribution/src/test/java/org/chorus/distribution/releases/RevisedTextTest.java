package org.chorus.distribution.releases;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import org.chorus.distribution.Fixtures;
import org.chorus.events.EventTypes;
import org.chorus.events.StatementPublished;
import org.chorus.events.StatementRevised;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Mailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A release sends the text that was published, not the text the statement was opened with. */
@ChorusServiceTest
class RevisedTextTest {

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
    void aJournalistReceivesTheCorrectedTextOfAStatementRevisedBeforePublication() {
        UUID statementId = fixtures.openStatement("Draft title", "Original text: the minister is guilty.", "en");
        Fixtures.send(
                EventTypes.STATEMENT_REVISED,
                statementId,
                new StatementRevised(
                        statementId,
                        2,
                        "Final title",
                        "Corrected text: the minister is accused.",
                        Fixtures.HASH,
                        false));
        // a redelivered older revision changes nothing
        Fixtures.send(
                EventTypes.STATEMENT_REVISED,
                statementId,
                new StatementRevised(statementId, 1, "Draft title", "Original text.", Fixtures.HASH, false));
        Fixtures.send(
                EventTypes.STATEMENT_PUBLISHED, statementId, new StatementPublished(statementId, 2, Fixtures.HASH));
        fixtures.awaitStatus(statementId, "PUBLISHED");
        String journalist = Mailbox.uniqueAddress("corrected");
        String listId = fixtures.list(List.of(new Fixtures.Person("Desk", journalist, "en", false)));

        Eventually.await(
                Fixtures.TIMEOUT,
                () -> assertThat(http.get("/api/releases/preview?statementId=" + statementId + "&contactId="
                                        + fixtures.contactId(listId, journalist))
                                .json()
                                .get("body")
                                .asString())
                        .startsWith("Final title\n\nCorrected text: the minister is accused.\n\n"));
        fixtures.awaitSent(fixtures.release(statementId, listId), 1);

        MimeMessage mail = Mailbox.messagesTo(journalist).get(0);
        assertThat(Mailbox.subject(mail)).isEqualTo("Final title");
        assertThat(Mailbox.body(mail))
                .contains("Corrected text: the minister is accused.")
                .doesNotContain("guilty");
    }
}
