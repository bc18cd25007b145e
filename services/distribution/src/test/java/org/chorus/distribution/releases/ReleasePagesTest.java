package org.chorus.distribution.releases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chorus.distribution.Fixtures;
import org.chorus.testsupport.Browser;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Mailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ChorusServiceTest
class ReleasePagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Releases releases;

    @Autowired
    Clock clock;

    Http http;
    Fixtures fixtures;

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
        fixtures = new Fixtures(http, jdbc);
    }

    @Test
    void aCoordinatorWatchesReleasesAndSendsAHeldOneFromTheBrowser() {
        UUID statementId = fixtures.publishedStatement("Free the Xiamen defenders", "We urge their release.", "en");
        String sentList = fixtures.list(List.of(
                new Fixtures.Person("Desk", Mailbox.uniqueAddress("desk"), "en", false),
                new Fixtures.Person("Editor", Mailbox.uniqueAddress("editor"), "en", false)));
        String sent = fixtures.release(statementId, sentList);
        fixtures.awaitSent(sent, 2);
        String reader = Mailbox.uniqueAddress("held-reader");
        String heldList = fixtures.list(List.of(new Fixtures.Person("Reader", reader, "en", false)));
        Instant embargo = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String held = http.postJson(
                        "/api/releases",
                        Map.of(
                                "statementId",
                                statementId,
                                "contactListId",
                                heldList,
                                "embargoUntil",
                                embargo.toString()))
                .json()
                .get("id")
                .asString();
        releases.fireOrHold(UUID.fromString(held), embargo.plus(Duration.ofMinutes(30)));

        try (Browser browser = Browser.desktop()) {
            WebDriver page = browser.driver();
            page.get("http://localhost:" + port + "/console/releases");
            assertThat(page.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo("en");
            assertThat(page.findElement(By.cssSelector("meta[http-equiv=refresh]"))
                            .getAttribute("content"))
                    .isEqualTo("2");
            Eventually.await(Fixtures.TIMEOUT, () -> {
                var sentRow = page.findElement(By.cssSelector("tr[data-release='" + sent + "']"));
                assertThat(sentRow.findElement(By.className("sent")).getText()).isEqualTo("2");
                var heldRow = page.findElement(By.cssSelector("tr[data-release='" + held + "']"));
                assertThat(heldRow.findElement(By.className("state")).getText()).isEqualTo("HELD");
            });
            browser.screenshot("releases-list-desktop");

            // the list refreshes itself every 2 s: a row found just before a refresh is gone when clicked, so find
            // again
            Eventually.await(
                    Fixtures.TIMEOUT,
                    () -> browser.clickAndWaitForNextPage(
                            page.findElement(By.cssSelector("tr[data-release='" + held + "'] a"))));
            assertThat(page.findElement(By.id("state")).getText()).isEqualTo("HELD");
            assertThat(page.findElement(By.cssSelector("label[for=decidedBy]")).getText())
                    .isEqualTo("Your name");
            browser.screenshot("release-held-desktop");

            page.findElement(By.id("decidedBy")).sendKeys("Ana Coordinator");
            browser.clickAndWaitForNextPage(page.findElement(By.id("send")));
            Eventually.await(
                    Fixtures.TIMEOUT,
                    () -> assertThat(page.findElement(By.id("decision")).getText())
                            .startsWith("SEND by Ana Coordinator"));
            browser.screenshot("release-decided-desktop");
        }
        fixtures.awaitSent(held, 1);
        assertThat(Mailbox.messagesTo(reader)).hasSize(1);

        try (Browser phone = Browser.phone()) {
            phone.driver().get("http://localhost:" + port + "/console/releases/" + held);
            assertThat(phone.driver().findElement(By.id("state")).getText()).isIn("SENDING", "HELD", "SENT");
            phone.screenshot("release-detail-phone");
        }
    }

    @Test
    void aDecisionWithoutANameIsRefusedKeepingWhatWasTypedAndUnknownReleasesAreNotFound() {
        String held = heldRelease("Free the defenders", Mailbox.uniqueAddress("r"));

        String token = formToken(http, held);
        var blank = http.postForm(
                "/console/releases/" + held + "/decision",
                Map.of("decision", "send", "decidedBy", " ", "csrfToken", token));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("Give your name");
        var noChoice = http.postForm(
                "/console/releases/" + held + "/decision",
                Map.of("decision", "later", "decidedBy", "Ana Coordinator", "csrfToken", token));
        assertThat(noChoice.status()).isEqualTo(400);
        assertThat(noChoice.body()).contains("value=\"Ana Coordinator\"");
        assertThat(http.get("/api/releases/" + held).json().get("state").asString())
                .isEqualTo("HELD");

        assertThat(http.get("/console/releases/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(http.get("/console/releases/not-a-release").status()).isEqualTo(404);
        assertThat(http.get("/console/releases/not-a-release").body()).contains("There is no release");
    }

    @Test
    void aFrenchSpeakingCoordinatorReadsTheReleasePagesInFrenchAndAnArabicSpeakingOneRightToLeft() {
        String held = heldRelease(
                "Libérez les défenseurs",
                "Nous demandons.",
                "fr",
                new Fixtures.Person("Lecteur", Mailbox.uniqueAddress("fr"), "fr", false));
        Http french = http.withHeader("Accept-Language", "fr-CH, fr;q=0.9, en;q=0.5");

        String list = french.get("/console/releases").body();
        assertThat(list)
                .contains("lang=\"fr\"", "dir=\"ltr\"", "<title>Communiqués</title>", ">Envoyés<")
                .contains("data-state=\"HELD\">SUSPENDU<");
        String detail = french.get("/console/releases/" + held).body();
        assertThat(detail)
                .contains(
                        "L’embargo est passé alors que rien ne pouvait être envoyé",
                        ">Votre nom<",
                        ">Envoyer maintenant<")
                .contains("fixé pour ce communiqué, à la place de l’embargo de la déclaration")
                .doesNotContain("Your name");
        var refused = french.postForm(
                "/console/releases/" + held + "/decision",
                Map.of("decision", "send", "decidedBy", " ", "csrfToken", formToken(french, held)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Indiquez votre nom (200 caractères au plus)");
        assertThat(french.get("/console/releases/" + UUID.randomUUID()).body()).contains("Communiqué introuvable");

        String arabic = http.get("/console/releases/" + held + "?lang=ar").body();
        assertThat(arabic).contains("lang=\"ar\"", "dir=\"rtl\"", ">اسمك<", ">أرسل الآن<");
        assertThat(http.withHeader("Accept-Language", "zh-CN")
                        .get("/console/releases")
                        .body())
                .contains("<title>新闻稿</title>");
        assertThat(http.withHeader("Accept-Language", "ru")
                        .get("/console/releases")
                        .body())
                .contains("<title>Пресс-релизы</title>");
        assertThat(http.withHeader("Accept-Language", "es-419")
                        .get("/console/releases")
                        .body())
                .contains("<title>Comunicados</title>");
        assertThat(http.withHeader("Accept-Language", "de")
                        .get("/console/releases")
                        .body())
                .contains("lang=\"en\"", "<title>Releases</title>");
    }

    @Test
    void aDecisionPostedFromAnotherSiteOrWithoutTheFormTokenIsRefusedAndTheReleaseStaysHeld() {
        String reader = Mailbox.uniqueAddress("csrf-reader");
        String held = heldRelease("Release the lawyers", reader);
        String token = formToken(http, held);
        String decision = "/console/releases/" + held + "/decision";

        var crossSite = http.withHeader("Sec-Fetch-Site", "cross-site")
                .postForm(decision, Map.of("decision", "send", "decidedBy", "Mallory", "csrfToken", token));
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(crossSite.body()).contains("Not allowed", "did not come from this release page");
        var otherOrigin = http.withHeader("Origin", "https://attacker.example")
                .postForm(decision, Map.of("decision", "send", "decidedBy", "Mallory", "csrfToken", token));
        assertThat(otherOrigin.status()).isEqualTo(403);
        var withoutToken = http.postForm(decision, Map.of("decision", "cancel", "decidedBy", "Mallory"));
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.contentType()).startsWith("text/html");
        var forgedToken =
                http.postForm(decision, Map.of("decision", "cancel", "decidedBy", "Mallory", "csrfToken", "forged"));
        assertThat(forgedToken.status()).isEqualTo(403);

        var progress = http.get("/api/releases/" + held).json();
        assertThat(progress.get("state").asString()).isEqualTo("HELD");
        assertThat(progress.path("decidedBy").isString()).isFalse();
        assertThat(Mailbox.messagesTo(reader)).isEmpty();

        var sameSite = http.withHeader("Sec-Fetch-Site", "same-origin")
                .postForm(decision, Map.of("decision", "cancel", "decidedBy", "Ana Coordinator", "csrfToken", token));
        assertThat(sameSite.status()).isEqualTo(302);
        assertThat(http.get("/api/releases/" + held).json().get("decision").asString())
                .isEqualTo("CANCEL");
    }

    /** The hidden form token of a release page, as the browser would send it back. */
    private static String formToken(Http client, String releaseId) {
        Matcher token = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"")
                .matcher(client.get("/console/releases/" + releaseId).body());
        assertThat(token.find()).as("a form token on the release page").isTrue();
        return token.group(1);
    }

    /** A release to one reader whose embargo passed while nothing could be sent: HELD for a coordinator's decision. */
    private String heldRelease(String title, String reader) {
        return heldRelease(title, "We urge their release.", "en", new Fixtures.Person("Reader", reader, "en", false));
    }

    private String heldRelease(String title, String text, String language, Fixtures.Person reader) {
        UUID statementId = fixtures.publishedStatement(title, text, language);
        String listId = fixtures.list(List.of(reader));
        Instant embargo = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String held = http.postJson(
                        "/api/releases",
                        Map.of("statementId", statementId, "contactListId", listId, "embargoUntil", embargo.toString()))
                .json()
                .get("id")
                .asString();
        releases.fireOrHold(UUID.fromString(held), embargo.plus(Duration.ofHours(1)));
        return held;
    }
}
