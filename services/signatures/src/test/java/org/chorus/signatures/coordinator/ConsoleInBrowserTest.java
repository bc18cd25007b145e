package org.chorus.signatures.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chorus.signatures.signon.Statements;
import org.chorus.testsupport.Browser;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A coordinator moderates in the console pages, in French, and reads the list in Arabic; forged posts are refused. */
@ChorusServiceTest
class ConsoleInBrowserTest {
    static final Pattern TOKEN = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void aCoordinatorApprovesOneSignatureAndRejectsAnotherInFrench() {
        String base = "http://localhost:" + port;
        Http http = new Http(base);
        UUID statementId = Statements.open(http, "Console statement", "en", "Text for the console.");
        Statements.signAndConfirm(http, statementId, Statements.organisation("Real Org", "KE", "real@console.example"));
        Statements.signAndConfirm(http, statementId, Statements.organisation("Fake Org", "", "fake@console.example"));
        String queue = base + "/console/statements/" + statementId + "/moderation";

        try (Browser browser = Browser.desktop()) {
            WebDriver page = browser.driver();
            page.get(queue + "?lang=fr");
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("File de modération");
            assertThat(page.findElements(By.cssSelector("section h2 span[dir=auto]")))
                    .extracting(element -> element.getText())
                    .containsExactly("Real Org", "Fake Org");
            assertThat(page.findElement(By.tagName("main")).getText()).contains("Kenya", "Confirmée");

            browser.clickAndWaitForNextPage(page.findElement(
                    By.xpath("//section[.//h2/span[text()='Real Org']]//form[contains(@action,'approval')]/button")));
            assertThat(page.findElement(By.cssSelector("p.saved")).getText()).isEqualTo("Approuvée.");
            assertThat(page.findElements(By.cssSelector("section h2 span[dir=auto]")))
                    .extracting(element -> element.getText())
                    .containsExactly("Fake Org");

            browser.clickAndWaitForNextPage(page.findElement(
                    By.xpath("//section[.//h2/span[text()='Fake Org']]//form[contains(@action,'rejection')]/button")));
            assertThat(page.findElement(By.cssSelector("p.error[role=alert]")).getText())
                    .isEqualTo("Veuillez indiquer le motif du rejet.");
            page.findElement(By.cssSelector("input[name=reason]")).sendKeys("Organisation inconnue");
            browser.clickAndWaitForNextPage(page.findElement(
                    By.xpath("//section[.//h2/span[text()='Fake Org']]//form[contains(@action,'rejection')]/button")));
            assertThat(page.findElement(By.cssSelector("p.saved")).getText())
                    .isEqualTo("Rejetée : la signature ne compte pas.");
            assertThat(page.findElement(By.tagName("main")).getText()).contains("Rien à modérer.");
            browser.screenshot("console-moderation-french");

            page.get(base + "/console/statements/" + statementId + "/signatures?lang=ar");
            assertThat(page.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("الموقّعون");
            assertThat(page.findElement(By.tagName("tbody")).getText())
                    .contains("Real Org", "مؤكَّد", "Fake Org", "مرفوض");
            browser.screenshot("console-signatures-arabic");
        }
        var reasons = http.get("/api/statements/" + statementId + "/signatures").json();
        assertThat(reasons.get(1).get("reason").asString()).isEqualTo("Organisation inconnue");
    }

    @Test
    void postsFromAnotherSiteOrWithoutTheFormTokenAreRefused() {
        String base = "http://localhost:" + port;
        Http http = new Http(base);
        UUID statementId = Statements.open(http, "Guarded statement", "en", "Text.");
        Statements.signAndConfirm(
                http, statementId, Statements.organisation("Target Org", "", "target@console.example"));
        var queue = http.get("/console/statements/" + statementId + "/moderation");
        Matcher token = TOKEN.matcher(queue.body());
        assertThat(token.find()).isTrue();
        String signatureId = http.get("/api/statements/" + statementId + "/moderation")
                .json()
                .get(0)
                .at("/signature/id")
                .asString();
        String approval = "/console/statements/" + statementId + "/signatures/" + signatureId + "/approval";

        var noToken = http.postForm(approval, Map.of());
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.body()).contains("Form not accepted");
        assertThat(http.withHeader("Sec-Fetch-Site", "cross-site")
                        .postForm(approval, Map.of("csrfToken", token.group(1)))
                        .status())
                .isEqualTo(403);
        assertThat(http.withHeader("Origin", "null")
                        .withHeader("Sec-Fetch-Site", "cross-site")
                        .postForm(approval, Map.of("csrfToken", token.group(1)))
                        .status())
                .isEqualTo(403);
        assertThat(http.withHeader("Origin", "https://elsewhere.example")
                        .postForm(approval, Map.of("csrfToken", token.group(1)))
                        .status())
                .isEqualTo(403);
        assertThat(http.withHeader("Cookie", "chorus_token=someone-else")
                        .postForm(approval, Map.of("csrfToken", token.group(1)))
                        .status())
                .as("the token belongs to one coordinator's login")
                .isEqualTo(403);
        assertThat(http.get("/api/statements/" + statementId + "/moderation")
                        .json()
                        .size())
                .isEqualTo(1);

        var accepted = http.withHeader("Sec-Fetch-Site", "same-origin")
                .postForm(approval, Map.of("csrfToken", token.group(1)));
        assertThat(accepted.status()).isEqualTo(303);
        assertThat(http.get("/api/statements/" + statementId + "/moderation")
                        .json()
                        .size())
                .isZero();
    }
}
