package org.chorus.distribution.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.distribution.Fixtures;
import org.chorus.events.ContactUnsubscribed;
import org.chorus.events.EventTypes;
import org.chorus.events.Topics;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Mailbox;
import org.chorus.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ChorusServiceTest
class UnsubscribeTest {

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
    void aJournalistUnsubscribesWithOneClickAndReceivesNoFurtherRelease() {
        UUID statementId = fixtures.publishedStatement("Free the defenders", "We urge their release.", "en");
        String leaving = Mailbox.uniqueAddress("leaving");
        String staying = Mailbox.uniqueAddress("staying");
        String listId = fixtures.list(List.of(
                new Fixtures.Person("Leaving Reporter", leaving, "en", false),
                new Fixtures.Person("Staying Reporter", staying, "en", false)));
        fixtures.awaitSent(fixtures.release(statementId, listId), 2);

        MimeMessage mail = Mailbox.messagesTo(leaving).get(0);
        String url = oneClickUrl(mail);
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(url).startsWith("http://localhost:8084/unsubscribe/");
        assertThat(Mailbox.body(mail).stripTrailing()).endsWith("\n-- \nTo stop receiving releases from us:\n" + url);
        MimeMessage other = Mailbox.messagesTo(staying).get(0);
        assertThat(Mailbox.body(other).stripTrailing())
                .endsWith("\n" + oneClickUrl(other))
                .doesNotContain(url);
        assertThat(Mailbox.header(mail, "List-Unsubscribe"))
                .isEqualTo("<" + url + ">, <mailto:bounces@localhost?subject=unsubscribe%20" + token + ">");
        assertThat(Mailbox.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        String body = Mailbox.body(mail);
        assertThat(body.substring(body.indexOf("\n-- \n"))).contains(url);
        assertThat(body).doesNotContain("<img").doesNotContain("http://localhost:8084/r/");

        var unsubscribed = http.postForm(path(url), Map.of("List-Unsubscribe", "One-Click"));
        assertThat(unsubscribed.status()).isEqualTo(200);
        assertThat(http.postForm(path(url), Map.of("List-Unsubscribe", "One-Click"))
                        .status())
                .isEqualTo(200);

        String contactId = fixtures.contactId(listId, leaving);
        var events = TopicReader.awaitEvents(
                Topics.DISTRIBUTION, EventTypes.CONTACT_UNSUBSCRIBED.name(), contactId, Fixtures.TIMEOUT);
        assertThat(events).hasSize(1);
        assertThat(((ContactUnsubscribed) events.get(0).data()).contactId().toString())
                .isEqualTo(contactId);

        var second = http.postJson("/api/releases", Map.of("statementId", statementId, "contactListId", listId));
        assertThat(second.json().get("recipients").asInt()).isEqualTo(1);
        fixtures.awaitSent(second.json().get("id").asString(), 1);
        assertThat(Mailbox.messagesTo(staying)).hasSize(2);
        assertThat(Mailbox.messagesTo(leaving)).hasSize(1);
    }

    @Test
    void theLinkOpensAPageWithAButtonAndAForgedLinkIsNotFound() {
        UUID statementId = fixtures.publishedStatement("Free the defenders", "We urge their release.", "en");
        String reader = Mailbox.uniqueAddress("arabic-reader");
        String listId = fixtures.list(List.of(new Fixtures.Person("Arabic Reader", reader, "ar", false)));
        fixtures.awaitSent(fixtures.release(statementId, listId), 1);
        String url = oneClickUrl(Mailbox.messagesTo(reader).get(0));

        var page = http.get(path(url));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body())
                .contains("lang=\"ar\"", "dir=\"rtl\"", "<form method=\"post\"", "<button type=\"submit\"")
                .doesNotContain("<script", "style=");
        assertThat(jdbc.sql("select unsubscribed_at is null from contact where email = ?")
                        .param(reader)
                        .query(Boolean.class)
                        .single())
                .as("looking at the page changes nothing")
                .isTrue();

        String forged = "/unsubscribe/" + "A".repeat(43);
        assertThat(http.get(forged).status()).isEqualTo(404);
        assertThat(http.get(forged).body()).contains("not valid");
        assertThat(http.postForm(forged, Map.of("List-Unsubscribe", "One-Click"))
                        .status())
                .isEqualTo(404);
        assertThat(http.postForm("/unsubscribe/short", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void aContactWhoReadsGermanThenFrenchGetsTheFrenchMailAndAFrenchUnsubscribePage() {
        UUID statementId = fixtures.publishedStatement("Free the defenders", "We urge their release.", "en");
        fixtures.translate(statementId, "fr", "Libérez les défenseurs", "Nous demandons leur libération.");
        String reader = Mailbox.uniqueAddress("german-french-reader");
        String listId = http.postJson("/api/contact-lists", Map.of("name", "List " + UUID.randomUUID()))
                .json()
                .get("id")
                .asString();
        assertThat(http.postJson(
                                "/api/contact-lists/" + listId + "/contacts",
                                Map.of("name", "Leserin", "email", reader, "languages", List.of("de", "fr")))
                        .status())
                .isEqualTo(201);
        fixtures.awaitSent(fixtures.release(statementId, listId), 1);
        MimeMessage mail = Mailbox.messagesTo(reader).get(0);
        assertThat(Mailbox.subject(mail)).isEqualTo("Libérez les défenseurs");
        String url = oneClickUrl(mail);

        assertThat(http.get(path(url)).body()).contains("lang=\"fr\"", "Me désabonner", "name=\"lang\" value=\"fr\"");
        assertThat(http.get(path(url) + "?lang=zh").body()).contains("lang=\"zh\"", "退订");
        var done = http.postForm(path(url), Map.of("lang", "fr"));
        assertThat(done.body()).contains("lang=\"fr\"", "Vous êtes désabonné");
        assertThat(http.get("/unsubscribe/" + "A".repeat(43) + "?lang=es").body())
                .contains("lang=\"es\"", "no es válido");
    }

    private static String oneClickUrl(MimeMessage mail) {
        String header = Mailbox.header(mail, "List-Unsubscribe");
        return header.substring(1, header.indexOf('>'));
    }

    private static String path(String url) {
        return url.substring(url.indexOf("/unsubscribe/"));
    }
}
