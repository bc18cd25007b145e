package org.chorus.distribution.releases;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.distribution.Fixtures;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Mailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ChorusServiceTest
class LanguagesTest {

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
    void eachRecipientReadsTheReleaseInTheirLanguageWhenAFinalTranslationExists() {
        UUID statementId = fixtures.publishedStatement("Free the defenders", "We urge their release.", "en");
        fixtures.translate(statementId, "fr", "Libérez les défenseurs", "Nous demandons leur libération.");
        fixtures.translate(statementId, "ar", "أطلقوا سراح المدافعين", "نطالب بالإفراج عنهم.");
        String french = Mailbox.uniqueAddress("french");
        String arabic = Mailbox.uniqueAddress("arabic");
        String spanish = Mailbox.uniqueAddress("spanish");
        String listId = fixtures.list(List.of(
                new Fixtures.Person("Journaliste", french, "fr", false),
                new Fixtures.Person("صحفي", arabic, "ar", false),
                new Fixtures.Person("Periodista", spanish, "es", false)));

        fixtures.awaitSent(fixtures.release(statementId, listId), 3);

        MimeMessage inFrench = Mailbox.messagesTo(french).get(0);
        assertThat(Mailbox.subject(inFrench)).isEqualTo("Libérez les défenseurs");
        assertThat(Mailbox.body(inFrench))
                .startsWith("Libérez les défenseurs\n\nNous demandons leur libération.\n\nSignataires :\n\n")
                .contains("  1. Lawyers for Lawyers (Pays-Bas)\n  2. FIDH, within the framework of the Observatory\n")
                .contains("\n-- \nPour ne plus recevoir nos communiqués :\n");
        MimeMessage inArabic = Mailbox.messagesTo(arabic).get(0);
        assertThat(Mailbox.subject(inArabic)).isEqualTo("أطلقوا سراح المدافعين");
        assertThat(Mailbox.body(inArabic)).contains("الموقعون:");
        MimeMessage untranslated = Mailbox.messagesTo(spanish).get(0);
        assertThat(Mailbox.subject(untranslated)).isEqualTo("Free the defenders");
        assertThat(Mailbox.body(untranslated)).contains("Signatories:", "(Netherlands)");
    }

    @Test
    void aCoordinatorPreviewsWhatOneRecipientWillReceiveAndSendsThemselvesATest() {
        UUID statementId = fixtures.publishedStatement("Free the defenders", "We urge their release.", "en");
        fixtures.translate(statementId, "fr", "Libérez les défenseurs", "Nous demandons leur libération.");
        String french = Mailbox.uniqueAddress("preview");
        String listId = fixtures.list(List.of(new Fixtures.Person("Journaliste", french, "fr", false)));
        String contactId = fixtures.contactId(listId, french);

        var preview = http.get("/api/releases/preview?statementId=" + statementId + "&contactId=" + contactId);

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get("language").asString()).isEqualTo("fr");
        assertThat(preview.json().get("subject").asString()).isEqualTo("Libérez les défenseurs");
        assertThat(preview.json().at("/headers/List-Unsubscribe-Post").asString())
                .isEqualTo("List-Unsubscribe=One-Click");
        assertThat(preview.json().get("body").asString()).startsWith("Libérez les défenseurs\n\n");
        assertThat(Mailbox.messagesTo(french)).as("a preview sends nothing").isEmpty();
        assertThat(http.get("/api/releases/preview?statementId=" + statementId + "&contactId=" + UUID.randomUUID())
                        .status())
                .isEqualTo(404);

        String coordinator = Mailbox.uniqueAddress("coordinator");
        var test = http.postJson(
                "/api/releases/test-send",
                Map.of("statementId", statementId, "address", coordinator, "language", "fr"));
        assertThat(test.status()).isEqualTo(202);
        MimeMessage mail = Eventually.await(Fixtures.TIMEOUT, () -> {
            assertThat(Mailbox.messagesTo(coordinator)).hasSize(1);
            return Mailbox.messagesTo(coordinator).get(0);
        });
        assertThat(Mailbox.subject(mail)).isEqualTo("[TEST] Libérez les défenseurs");
        assertThat(http.postJson(
                                "/api/releases/test-send",
                                Map.of("statementId", statementId, "address", "not an address"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aContactWhoReadsSeveralLanguagesGetsTheFirstOfThemTheReleaseHasElseItsPrimaryLanguage() {
        UUID statementId = fixtures.publishedStatement("Free the defenders", "We urge their release.", "en");
        fixtures.translate(statementId, "fr", "Libérez les défenseurs", "Nous demandons leur libération.");
        String germanFrench = Mailbox.uniqueAddress("de-fr");
        String arabicRussian = Mailbox.uniqueAddress("ar-ru");
        String englishFirst = Mailbox.uniqueAddress("en-fr");
        String singleFrench = Mailbox.uniqueAddress("fr-only");
        String listId = http.postJson("/api/contact-lists", Map.of("name", "Multilingual press"))
                .json()
                .get("id")
                .asString();
        var added =
                add(listId, Map.of("name", "Korrespondentin", "email", germanFrench, "languages", List.of("de", "fr")));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("language").asString()).isEqualTo("de");
        assertThat(added.json().get("languages").toString()).isEqualTo("[\"de\",\"fr\"]");
        add(listId, Map.of("name", "Correspondent", "email", arabicRussian, "languages", List.of("ar", "ru")));
        add(
                listId,
                Map.of("name", "Editor", "email", englishFirst, "language", "en", "languages", List.of("en", "fr")));
        var single = add(listId, Map.of("name", "Journaliste", "email", singleFrench, "language", "fr"));
        assertThat(single.json().get("languages").toString()).isEqualTo("[\"fr\"]");

        var unknown = add(
                listId, Map.of("name", "X", "email", Mailbox.uniqueAddress("xx"), "languages", List.of("fr", "xx")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        var contradicting = add(
                listId,
                Map.of(
                        "name",
                        "Y",
                        "email",
                        Mailbox.uniqueAddress("yy"),
                        "language",
                        "en",
                        "languages",
                        List.of("fr")));
        assertThat(contradicting.status()).isEqualTo(400);
        assertThat(contradicting.json().get("detail").asString()).contains("not the first of languages");
        assertThat(http.get("/api/contact-lists/" + listId)
                        .json()
                        .get("contacts")
                        .size())
                .isEqualTo(4);

        fixtures.awaitSent(fixtures.release(statementId, listId), 4);

        assertThat(Mailbox.subject(Mailbox.messagesTo(germanFrench).get(0))).isEqualTo("Libérez les défenseurs");
        assertThat(Mailbox.subject(Mailbox.messagesTo(arabicRussian).get(0))).isEqualTo("Free the defenders");
        assertThat(Mailbox.subject(Mailbox.messagesTo(englishFirst).get(0))).isEqualTo("Free the defenders");
        assertThat(Mailbox.subject(Mailbox.messagesTo(singleFrench).get(0))).isEqualTo("Libérez les défenseurs");
    }

    private org.chorus.testsupport.Http.Response add(String listId, Map<String, Object> contact) {
        return http.postJson("/api/contact-lists/" + listId + "/contacts", contact);
    }
}
