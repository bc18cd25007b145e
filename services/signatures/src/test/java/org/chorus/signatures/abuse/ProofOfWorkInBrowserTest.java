package org.chorus.signatures.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.chorus.signatures.signon.Statements;
import org.chorus.testsupport.Browser;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After a sign-on link's hourly limit trips, a signer whose browser runs JavaScript sends the form again a moment
 * later and is accepted: the page's own script solved the proof of work. The same page without JavaScript says what
 * to do.
 */
@ChorusServiceTest
class ProofOfWorkInBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void afterTheLimitTripsTheBrowserSolvesThePuzzleAndTheSignatureIsAccepted() {
        String base = "http://localhost:" + port;
        Http http = new Http(base);
        UUID statementId = Statements.open(http, "A statement many sign at once", "en", "We all agree.");
        for (int i = 0; i < 6; i++) {
            assertThat(http.postForm(
                                    "/sign/" + statementId,
                                    Statements.organisation("Crowd " + i, "", "crowd" + i + "@example.org"))
                            .status())
                    .isEqualTo(303);
        }
        var withoutScript = http.postForm(
                "/sign/" + statementId, Statements.organisation("No Script Org", "", "noscript@example.org"));
        assertThat(withoutScript.status()).isEqualTo(429);
        assertThat(withoutScript.body())
                .contains("Please try again in an hour", "If your browser runs JavaScript", "value=\"No Script Org\"");

        try (Browser browser = Browser.phone()) {
            WebDriver page = browser.driver();
            page.get(base + "/sign/" + statementId);
            page.findElement(By.id("name")).sendKeys("Patient Browser Org");
            new Select(page.findElement(By.id("country"))).selectByValue("KE");
            page.findElement(By.id("contactName")).sendKeys("Patient Person");
            page.findElement(By.id("email")).sendKeys("patient-browser@example.org");
            page.findElement(By.name("authorised")).click();
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("button[type=submit]")));

            assertThat(page.findElement(By.cssSelector("p.error[role=alert]")).getText())
                    .contains("Please try again in an hour", "solving a small puzzle");
            assertThat(page.findElement(By.id("name")).getAttribute("value")).isEqualTo("Patient Browser Org");
            new WebDriverWait(page, Duration.ofSeconds(60))
                    .until(driver ->
                            !driver.findElement(By.id("pow-status")).getText().isEmpty());
            assertThat(page.findElement(By.id("pow-status")).getText()).isEqualTo("Ready: you can send the form now.");
            assertThat(page.findElement(By.name("powNonce")).getAttribute("value"))
                    .isNotEmpty();
            browser.screenshot("sign-on-proof-of-work-solved");

            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("button[type=submit]")));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Check your e-mail");
        }
        assertThat(jdbc.sql("select count(*) from signature where statement_id = ? and name = 'Patient Browser Org'")
                        .param(statementId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from signature where statement_id = ? and name = 'No Script Org'")
                        .param(statementId)
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
