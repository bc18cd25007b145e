package org.chorus.tracking.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chorus.tracking.TrackingEvents.PATIENCE;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.chorus.events.SignatoryKind;
import org.chorus.events.Visibility;
import org.chorus.testsupport.Browser;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.tracking.TrackingEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The coordinator watches the count grow on the console; the public sees only the total and countries. */
@ChorusServiceTest
class LiveDashboardTest {

    @LocalServerPort
    int port;

    Http http;
    UUID statement = UUID.randomUUID();

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
    }

    @Test
    void theDashboardCountGoesUpWithoutReloadingWhenASignatureIsConfirmed() {
        TrackingEvents.open(statement, "Joint statement on the Xiamen crackdown", "en");
        TrackingEvents.schedule(statement, Instant.parse("2030-02-11T12:00:00Z"), 4);
        UUID invitation = TrackingEvents.invite(statement, 1, "Lawyers for Lawyers", "NL", "en");
        TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "GB");
        awaitConfirmed(1);

        try (Browser browser = Browser.desktop()) {
            WebDriver driver = browser.driver();
            driver.get("http://localhost:" + port + "/console/statements/" + statement);
            Eventually.await(
                    PATIENCE, () -> assertThat(text(driver, "confirmed")).isEqualTo("1"));
            // the stream is open once the page received its first live update
            Eventually.await(
                    PATIENCE,
                    () -> assertThat(attempt(
                                    () -> driver.findElement(By.id("live")).getDomAttribute("data-updated")))
                            .isNotNull());
            browser.screenshot("dashboard-before-confirmation");

            TrackingEvents.confirm(
                    statement, SignatoryKind.ORGANISATION, "NL", Visibility.PUBLIC, invitation, 1, Instant.now());

            Eventually.await(
                    PATIENCE, () -> assertThat(text(driver, "confirmed")).isEqualTo("2"));
            Eventually.await(PATIENCE, () -> assertThat(text(driver, "signed")).isEqualTo("1"));
            assertThat(driver.findElement(By.tagName("body")).getText()).contains("50% of the target of 4");
            browser.screenshot("dashboard-after-confirmation");
            driver.navigate().refresh();
            ((JavascriptExecutor) driver)
                    .executeScript("arguments[0].scrollIntoView()", driver.findElement(By.id("chart-heading")));
            assertThat(driver.findElements(By.cssSelector("svg.chart rect.bar")))
                    .isNotEmpty();
            browser.screenshot("dashboard-chart-after-reload");
        }
    }

    @Test
    void theDashboardIsReadableWithoutJavaScriptWithAServerRenderedChart() {
        TrackingEvents.open(statement, "Readable without scripts", "en");
        TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "GB");
        TrackingEvents.confirm(statement, SignatoryKind.INDIVIDUAL, "KE");
        awaitConfirmed(2);

        var page = http.get("/console/statements/" + statement);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body())
                .contains("<html lang=\"en\" dir=\"ltr\">")
                .contains("<span id=\"confirmed\" class=\"number\">2</span>")
                .contains("<svg class=\"chart\"")
                .contains("<rect class=\"bar\"")
                .contains("Readable without scripts")
                .doesNotContain("style=");
        assertThat(page.body().split("<script"))
                .allSatisfy(part -> assertThat(part.startsWith(">")).isFalse());
        assertThat(page.raw().headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'");
    }

    @Test
    void theConsoleListsStatementsWithTheirTotalsAndLinksToEachDashboard() {
        TrackingEvents.open(statement, "Listed on the console", "en");
        TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "GB");
        awaitConfirmed(1);

        var list = http.get("/console/statements");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("<a href=\"/console/statements/" + statement + "\">Listed on the console</a>");
    }

    @Test
    void anUnknownOrMalformedStatementGetsAReadablePage() {
        var unknown = http.get("/console/statements/" + statement);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("Nothing about this statement has been seen yet.");

        var malformed = http.get("/console/statements/not-a-statement");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("This is not a statement address.");
    }

    @Test
    void thePublicCounterShowsTheTotalAndCountriesButNoNames() {
        TrackingEvents.open(statement, "بيان مشترك", "ar");
        TrackingEvents.schedule(statement, Instant.parse("2030-02-11T12:00:00Z"), 30);
        TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "EG");
        TrackingEvents.confirm(
                statement, SignatoryKind.INDIVIDUAL, "EG", Visibility.WITHHELD, null, null, Instant.now());
        TrackingEvents.confirm(
                statement, SignatoryKind.INDIVIDUAL, null, Visibility.WITHHELD, null, null, Instant.now());
        awaitConfirmed(3);

        // the target travels on chorus.statements, the confirmations on chorus.signatures: either may be applied first
        var json = Eventually.await(PATIENCE, () -> {
            var answer = http.get("/public/statements/" + statement + "/counter");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("target").asInt()).isEqualTo(30);
            return answer;
        });
        assertThat(json.raw().headers().firstValue("Access-Control-Allow-Origin"))
                .contains("*");
        JsonNode counter = json.json();
        assertThat(counter.get("confirmed").asLong()).isEqualTo(3);
        assertThat(counter.get("target").asInt()).isEqualTo(30);
        assertThat(counter.get("countries").toString()).isEqualTo("{\"EG\":2,\"none\":1}");
        assertThat(json.body()).doesNotContain("Signer ");

        var embed = http.get("/public/statements/" + statement + "/counter/embed");
        assertThat(embed.status()).isEqualTo(200);
        assertThat(embed.body())
                .contains("lang=\"ar\"")
                .contains("dir=\"rtl\"")
                .contains("توقيعًا")
                .contains(">3<");
        assertThat(embed.raw().headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("frame-ancestors *")
                .contains("script-src 'self'");

        var unknown = http.get("/public/statements/" + UUID.randomUUID() + "/counter");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/public/statements/" + UUID.randomUUID() + "/counter/embed")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theCounterCountriesAddUpToItsTotal() {
        TrackingEvents.open(statement, "Déclaration commune", "fr");
        TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "ZM");
        TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "EG");
        TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "EG");
        TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, "DE");
        TrackingEvents.confirm(statement, SignatoryKind.ORGANISATION, null);
        TrackingEvents.confirm(
                statement, SignatoryKind.INDIVIDUAL, null, Visibility.WITHHELD, null, null, Instant.now());
        awaitConfirmed(6);

        var embed = http.get("/public/statements/" + statement + "/counter/embed");
        assertThat(embed.body()).contains("lang=\"fr\"");
        List<String> lines = Pattern.compile("<li><span>([^<]*)</span> <span class=\"count\">(\\d+)</span></li>")
                .matcher(embed.body())
                .results()
                .map(match -> match.group(1) + " " + match.group(2))
                .toList();
        assertThat(lines).containsExactly("Allemagne 1", "Égypte 2", "Zambie 1", "Pays non indiqué 2");
        assertThat(lines.stream()
                        .mapToInt(line -> Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1)))
                        .sum())
                .isEqualTo(6);

        assertThat(http.get("/public/statements/" + statement + "/counter/embed?lang=zh")
                        .body())
                .contains("lang=\"zh\"", "埃及", "未注明国家")
                .doesNotContain(">EG<", ">none<");
    }

    private void awaitConfirmed(long confirmed) {
        Eventually.await(PATIENCE, () -> {
            var counts = http.get("/api/statements/" + statement + "/counts").json();
            assertThat(counts.get("confirmed").asLong()).isEqualTo(confirmed);
            // the statement's own events travel on chorus.statements, the confirmations on chorus.signatures
            assertThat(counts.get("title").isNull()).isFalse();
        });
    }

    private static String text(WebDriver driver, String id) {
        return attempt(() -> driver.findElement(By.id(id)).getText());
    }

    /** The live part is replaced while we read it: a vanished element is "not yet", not a failure. */
    private static <T> T attempt(Supplier<T> read) {
        try {
            return read.get();
        } catch (WebDriverException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
