package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.chorus.statements.accounts.Totp;
import org.chorus.testsupport.Browser;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.RealInfrastructure;
import org.chorus.testsupport.XiamenSeed;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.Select;

/**
 * A French coordinator whose browser runs in Tokyo, in the console only: pastes the seed as it was clipped from a blog
 * (the title is its heading, not the tag caption above it), schedules an embargo, publishes (and is told why the
 * schedule no longer changes), adds an erratum, invites a co-drafter (listed as invited until they accept), imports a
 * press contact (their country by name), sends the release at the embargo and sees it scheduled, then sent, with the
 * errata log in the mail; every time on the release and account pages is written in Tokyo time, in French.
 */
class ConsoleAfterPublicationInBrowserTest {
    private static final String PASSWORD = "console-password-3";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ZONE = "Asia/Tokyo";
    private static final XiamenSeed SEED = XiamenSeed.load();

    @Test
    void aCoordinatorInTokyoSendsAReleaseAtTheEmbargoWithItsErrataReadingEveryTimeInTheirZone() {
        Properties text = texts("fr");
        String console = "http://localhost:" + TestPlatform.consolePort();
        String email = "tokyo-" + UUID.randomUUID() + "@coalition.example";
        String secret = TestPlatform.statements()
                .postJson("/api/coordinators", Map.of("email", email, "password", PASSWORD, "language", "fr"))
                .json()
                .get("totpSecret")
                .asString();
        try (Browser browser = Browser.desktop()) {
            WebDriver page = browser.driver();
            try {
                walk(browser, page, text, console, email, secret);
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("console-after-publication-failed");
                System.out.println("Failed at " + page.getCurrentUrl() + ":\n" + page.getPageSource());
                throw e;
            }
        }
    }

    private void walk(Browser browser, WebDriver page, Properties text, String console, String email, String secret) {
        ((HasCdp) page).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ZONE));
        page.get(console + "/login?lang=fr");
        page.findElement(By.id("email")).sendKeys(email);
        page.findElement(By.id("password")).sendKeys(PASSWORD);
        page.findElement(By.id("code")).sendKeys(Totp.code(secret, Instant.now()));
        browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form button[type=submit]")));

        // the create form says what happens to a pasted signatory list
        assertThat(page.findElement(By.cssSelector("textarea#text + .hint")).getText())
                .isEqualTo(text.getProperty("statements.textHint"));
        ((JavascriptExecutor) page)
                .executeScript("arguments[0].value = arguments[1];", page.findElement(By.id("text")), seedText());
        new Select(page.findElement(By.id("language"))).selectByValue("en");
        browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form[action$='/statements'] button")));
        assertThat(page.findElement(By.id("title")).getAttribute("value"))
                .as("the heading, not the blog's 'Posts Tagged' caption above it")
                .isEqualTo(SEED.title());
        browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("button.confirm-import")));
        String statementId = page.getCurrentUrl().replaceAll(".*/statements/([0-9a-f-]{36}).*", "$1");
        String overview = console + "/statements/" + statementId;

        // an embargo three minutes ahead, typed in the coordinator's (Tokyo) time
        Instant embargo = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(3));
        page.findElement(By.cssSelector("details.schedule summary")).click();
        ((JavascriptExecutor) page)
                .executeScript(
                        "arguments[0].value = arguments[1];",
                        page.findElement(By.id("embargoUntil")),
                        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(embargo.atZone(ZoneId.of(ZONE))));
        page.findElement(By.id("timeZone")).clear();
        page.findElement(By.id("timeZone")).sendKeys("Europe/Paris");
        browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form[action$='/schedule'] button")));
        assertThat(page.findElement(By.cssSelector(".embargo")).getText()).contains(ZONE);

        browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form[action$='/open'] button")));
        browser.clickAndWaitForNextPage(page.findElement(By.cssSelector(".actions a.button")));
        assertThat(page.findElement(By.cssSelector(".publish-schedule")).getText())
                .as("before publishing: the schedule locks")
                .isEqualTo(text.getProperty("publish.scheduleLocks"));
        browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form[action$='/publish'] button")));
        assertThat(page.findElement(By.cssSelector(".status")).getText())
                .isEqualTo(text.getProperty("status.PUBLISHED"));
        assertThat(page.findElements(By.cssSelector("details.schedule"))).isEmpty();
        assertThat(page.findElement(By.cssSelector(".schedule-locked")).getText())
                .as("the schedule is locked, and the page says why and what can still be done")
                .isEqualTo(text.getProperty("schedule.locked"));

        page.findElement(By.id("erratum")).sendKeys("Le signataire 12 est la Judicial Reform Foundation.");
        browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form[action$='/errata'] button")));
        assertThat(page.findElement(By.cssSelector(".errata ol")).getText())
                .contains("Le signataire 12 est la Judicial Reform Foundation.");
        browser.screenshot("console-after-publication-fr-overview");

        // a co-drafter invited: listed as invited, not as drafting, until they accept
        page.get(overview + "/members");
        String codrafter = "codrafter-" + UUID.randomUUID() + "@coalition.example";
        page.findElement(By.id("email")).sendKeys(codrafter);
        browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form[action$='/members'] button")));
        assertThat(heading(page, "h2")).isEqualTo(text.getProperty("members.title"));
        WebElement invited = rowWith(page, "table.members tbody tr", codrafter);
        assertThat(invited.getAttribute("class")).contains("pending");
        assertThat(invited.findElement(By.cssSelector(".member-status")).getText())
                .isEqualTo(text.getProperty("members.pending"));
        WebElement me = rowWith(page, "table.members tbody tr", email);
        assertThat(me.getText()).contains(text.getProperty("members.you"), text.getProperty("members.joined"));
        browser.screenshot("console-after-publication-fr-members");

        // a press contact in Germany: the list names the country
        page.get(console + "/lists");
        String listName = "Presse " + UUID.randomUUID();
        page.findElement(By.id("name")).sendKeys(listName);
        browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form[action$='/lists'] button")));
        String desk = "desk-" + UUID.randomUUID() + "@zeitung.example";
        page.findElement(By.id("csv-text")).sendKeys("name,email,language,country\nRedaktion," + desk + ",fr,DE\n");
        browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("button.import-csv")));
        assertThat(rowWith(page, "table.contacts tbody tr", desk)
                        .findElement(By.cssSelector(".country"))
                        .getText())
                .isEqualTo("Allemagne");

        // the release: at the statement's embargo, written in Tokyo time
        page.get(overview + "/release");
        new Select(page.findElement(By.id("list"))).selectByVisibleText(listName + " (1)");
        browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form.choose button")));
        assertThat(page.findElement(By.cssSelector("form.send-release")).getText())
                .contains("(" + ZONE + ")");
        browser.screenshot("console-after-publication-fr-release");
        browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("button.send")));
        assertThat(page.getCurrentUrl()).as(page.getPageSource()).contains("/releases/");
        assertThat(page.findElement(By.cssSelector(".state")).getText())
                .isEqualTo(text.getProperty("releaseState.SCHEDULED"));
        assertThat(page.findElement(By.cssSelector(".embargo-until")).getText()).contains("(" + ZONE + ")");
        assertThat(page.findElement(By.cssSelector(".created-at")).getText()).contains("(" + ZONE + ")");
        browser.screenshot("console-after-publication-fr-scheduled");
        Eventually.await(Duration.ofMinutes(6), () -> {
            page.navigate().refresh();
            assertThat(page.findElement(By.cssSelector(".state")).getText())
                    .isEqualTo(text.getProperty("releaseState.SENT"));
        });
        assertThat(page.findElement(By.cssSelector(".completed-at")).getText()).contains("(" + ZONE + ")");
        browser.screenshot("console-after-publication-fr-sent");
        String mail = Eventually.await(WAIT, () -> {
            List<MimeMessage> mails = mailsTo(desk);
            assertThat(mails).hasSize(1);
            return body(mails.get(0)).replace("\r\n", "\n");
        });
        assertThat(mail)
                .as("the statement has no French translation: the English text, its errata log under it")
                .contains("Errata:\n\n1. (", "Le signataire 12 est la Judicial Reform Foundation.")
                .contains(SEED.signatories().get(0).name());

        page.get(console + "/releases");
        assertThat(rowWith(page, "table tbody tr", SEED.title().replace('\u00a0', ' '))
                        .findElement(By.cssSelector(".created-at"))
                        .getText())
                .contains("(" + ZONE + ")");
        page.get(console + "/account");
        assertThat(page.findElement(By.cssSelector(".session-ends")).getText())
                .contains("(" + ZONE + ")")
                .doesNotContain("UTC");
    }

    private static WebElement rowWith(WebDriver page, String rows, String content) {
        return page.findElements(By.cssSelector(rows)).stream()
                .filter(row -> row.getText().contains(content))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + content));
    }

    private static String heading(WebDriver page, String tag) {
        return page.findElement(By.tagName(tag)).getText();
    }

    private static String seedText() {
        try (InputStream in = XiamenSeed.class.getResourceAsStream("/seeds/xiamen-statement.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties texts(String language) {
        String name = "/messages/chorus-console" + (language.equals("en") ? "" : "_" + language) + ".properties";
        try (InputStream in = ConsoleAfterPublicationInBrowserTest.class.getResourceAsStream(name)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(RealInfrastructure.get().mail().getReceivedMessages())
                .filter(message -> {
                    try {
                        Address[] to = message.getAllRecipients();
                        return to != null && Arrays.toString(to).contains(address);
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
