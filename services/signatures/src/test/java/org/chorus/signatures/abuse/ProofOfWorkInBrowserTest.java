package org.chorus.signatures.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.chorus.signatures.signon.Statements;
import org.chorus.testsupport.Browser;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
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

    @Autowired
    RateLimits rateLimits;

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
            // a client's first submission of the hour is free even on a busy link: this browser's first may be it
            fillIn(browser, base + "/sign/" + statementId, "First Browser Org", "first-browser@example.org");
            fillIn(browser, base + "/sign/" + statementId, "Patient Browser Org", "patient-browser@example.org");

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

    private static void fillIn(Browser browser, String url, String organisation, String email) {
        WebDriver page = browser.driver();
        page.get(url);
        page.findElement(By.id("name")).sendKeys(organisation);
        new Select(page.findElement(By.id("country"))).selectByValue("KE");
        page.findElement(By.id("contactName")).sendKeys("Patient Person");
        page.findElement(By.id("email")).sendKeys(email);
        page.findElement(By.name("authorised")).click();
        browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("button[type=submit]")));
    }

    /**
     * What the puzzle costs: the page's own way of hashing (one SHA-256 through crypto.subtle after another, as
     * proof-of-work.js does), timed in headless Chromium on this machine and with DevTools' mid-tier phone CPU
     * throttling (4x); the expected time is 2^bits hashes at that rate. The server checks a solution with one HMAC and
     * one SHA-256. The figures go to the README (Limits).
     */
    @Test
    void thePuzzleCostsAPhoneAboutASecondAndTheServerMicroseconds() {
        String base = "http://localhost:" + port;
        UUID statementId = Statements.open(new Http(base), "A statement to time the puzzle", "en", "Text.");
        int bits = rateLimits.difficultyBits();
        double[] secondsPerHash = new double[2];
        try (Browser browser = Browser.phone()) {
            ChromeDriver page = (ChromeDriver) browser.driver();
            page.get(base + "/sign/" + statementId);
            int[] rates = {1, 4};
            for (int i = 0; i < rates.length; i++) {
                page.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", rates[i]));
                Number millis = (Number) page.executeAsyncScript("""
                        var done = arguments[arguments.length - 1], encoder = new TextEncoder(), n = 20000;
                        var start = performance.now();
                        function attempt(nonce) {
                          if (nonce === n) { done(performance.now() - start); return; }
                          crypto.subtle.digest('SHA-256', encoder.encode('1234.abc:' + nonce))
                            .then(function () { attempt(nonce + 1); });
                        }
                        attempt(0);""");
                secondsPerHash[i] = millis.doubleValue() / 1000 / 20000;
            }
        }
        double expectedHere = Math.pow(2, bits) * secondsPerHash[0];
        double expectedPhone = Math.pow(2, bits) * secondsPerHash[1];

        String challenge = rateLimits.challenge(statementId, java.time.Instant.now());
        int checks = 200_000;
        long start = System.nanoTime();
        for (int i = 0; i < checks; i++) {
            rateLimits.proofValid(statementId, challenge, "n" + i, java.time.Instant.now());
        }
        double microsPerCheck = (System.nanoTime() - start) / 1000.0 / checks;
        int hashes = 1_000_000;
        start = System.nanoTime();
        for (int i = 0; i < hashes; i++) {
            RateLimits.sha256(challenge + ":" + i);
        }
        double nativeRate = hashes / ((System.nanoTime() - start) / 1e9);
        System.out.printf(
                "Proof of work, %d bits: Chromium here %.0f hashes/s (expected %.2f s), 4x throttled %.0f hashes/s"
                        + " (expected %.2f s); Java on one core %.0f hashes/s (%.0f ms); the server checks one in"
                        + " %.1f µs%n",
                bits,
                1 / secondsPerHash[0],
                expectedHere,
                1 / secondsPerHash[1],
                expectedPhone,
                nativeRate,
                Math.pow(2, bits) / nativeRate * 1000,
                microsPerCheck);
        assertThat(expectedPhone).as("a phone spends seconds, not minutes").isBetween(0.2, 10.0);
        assertThat(microsPerCheck)
                .as("checking costs the server next to nothing")
                .isLessThan(100.0);
    }
}
