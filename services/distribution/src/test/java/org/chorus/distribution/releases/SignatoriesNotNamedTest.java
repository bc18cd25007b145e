package org.chorus.distribution.releases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.chorus.distribution.Fixtures;
import org.chorus.events.EventTypes;
import org.chorus.events.SignatoryKind;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.SignatureCorrected;
import org.chorus.events.SignatureWithdrawn;
import org.chorus.events.Visibility;
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
 * A release says, under the names, how many signatories asked not to be named, in the reader's language and properly
 * pluralised, so that the list and the counter's total agree.
 */
@ChorusServiceTest
class SignatoriesNotNamedTest {

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
    void aReleaseSaysHowManySignatoriesAreNotNamedInEachReadersLanguage() {
        UUID statementId = fixtures.openStatement("Free the defenders", "We urge their release.", "en");
        fixtures.translate(statementId, "fr", "Libérez les défenseurs", "Nous demandons leur libération.");
        confirm(statementId, "Lawyers for Lawyers", null); // after the fixture's two
        confirm(statementId, null, Visibility.WITHHELD);
        UUID leaving = confirm(statementId, null, Visibility.WITHHELD);
        UUID hiding = confirm(statementId, "Changed Their Mind", null);
        Fixtures.send(
                EventTypes.SIGNATURE_CORRECTED,
                statementId,
                new SignatureCorrected(
                        hiding, statementId, SignatoryKind.ORGANISATION, null, "CN", null, Visibility.WITHHELD));
        Eventually.await(
                Fixtures.TIMEOUT, () -> assertThat(notNamed(statementId)).isEqualTo(3));
        Fixtures.send(EventTypes.SIGNATURE_WITHDRAWN, statementId, new SignatureWithdrawn(leaving, statementId));
        Eventually.await(
                Fixtures.TIMEOUT, () -> assertThat(notNamed(statementId)).isEqualTo(2));
        fixtures.publish(statementId);

        String english = Mailbox.uniqueAddress("english-desk");
        String french = Mailbox.uniqueAddress("french-desk");
        String listId = fixtures.list(List.of(
                new Fixtures.Person("English Desk", english, "en", false),
                new Fixtures.Person("French Desk", french, "fr", false)));
        fixtures.awaitSent(fixtures.release(statementId, listId), 2);

        assertThat(Mailbox.body(Mailbox.onlyMessageTo(english)))
                .contains("  3. Lawyers for Lawyers\n\nand 2 signatories who asked not to be named\n\n-- \n")
                .doesNotContain("Changed Their Mind");
        assertThat(Mailbox.body(Mailbox.onlyMessageTo(french)))
                .contains("  3. Lawyers for Lawyers\n\net 2 signataires qui ont demandé à ne pas être nommés\n\n-- \n");
    }

    @Test
    void aListWhereEveryoneIsNamedSaysNothingMore() {
        var body = ReleaseMail.render(
                        new ReleaseMail.Text("ru", "T", "Text."),
                        List.of(new org.chorus.platform.text.SignatoryLines.Signatory("Мемориал", null, null)),
                        0,
                        "u",
                        null)
                .body();
        assertThat(body).contains("  1. Мемориал\n\n-- \n");
        assertThat(ReleaseMail.render(new ReleaseMail.Text("ru", "T", "Text."), List.of(), 21, "u", null)
                        .body())
                .contains("и ещё 21 подписавший, попросивший не называть его");
    }

    private UUID confirm(UUID statementId, String name, Visibility visibility) {
        UUID id = UUID.randomUUID();
        Fixtures.send(
                EventTypes.SIGNATURE_CONFIRMED,
                statementId,
                new SignatureConfirmed(
                        id,
                        statementId,
                        SignatoryKind.ORGANISATION,
                        name,
                        null,
                        null,
                        1,
                        Fixtures.HASH,
                        Instant.now(),
                        visibility,
                        null,
                        null));
        return id;
    }

    private long notNamed(UUID statementId) {
        return jdbc.sql("select count(*) from withheld_signatory where statement_id = ?")
                .param(statementId)
                .query(Long.class)
                .single();
    }
}
