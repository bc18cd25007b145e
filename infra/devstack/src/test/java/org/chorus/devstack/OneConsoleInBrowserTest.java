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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chorus.statements.accounts.Totp;
import org.chorus.testsupport.Browser;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.Select;

/**
 * A coordinator who never opens a terminal: in the one console (its own port, in front of the four services) they sign
 * in with password and TOTP, paste a statement, open it, find its sign-on link, watch the dashboard count two
 * signatures, publish it, build a press list and send the release, reading every answer in their language. Once in
 * English and once in Arabic, right to left. Screenshots land in target/screenshots/one-console-*.png.
 */
class OneConsoleInBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PASSWORD = "console-password-1";
    private static final Pattern CONFIRM_LINK = Pattern.compile("(http://\\S+/confirm/[A-Za-z0-9_-]+)");
    private static final Pattern REVISION_HASH = Pattern.compile("name=\"revisionHash\" value=\"([0-9a-f]+)\"");

    @Test
    void aCoordinatorRunsAStatementFromSignInToReleaseInEnglish() {
        runThrough(
                "en",
                "Joint call on press freedom",
                "We, the undersigned organisations, call for the release of"
                        + " every journalist held for their work.");
    }

    @Test
    void aCoordinatorRunsAStatementFromSignInToReleaseInArabicRightToLeft() {
        runThrough(
                "ar",
                "نداء مشترك من أجل حرية الصحافة",
                "نحن المنظمات الموقعة أدناه ندعو إلى الإفراج عن جميع" + " الصحفيين المحتجزين بسبب عملهم.");
    }

    private void runThrough(String language, String title, String body) {
        Properties text = texts(language);
        Locale locale = Locale.forLanguageTag(language);
        String console = "http://localhost:" + TestPlatform.consolePort();
        String email = "console-" + language + "-" + UUID.randomUUID() + "@coalition.example";
        String secret = TestPlatform.statements()
                .postJson("/api/coordinators", Map.of("email", email, "password", PASSWORD, "language", language))
                .json()
                .get("totpSecret")
                .asString();

        try (Browser browser = Browser.desktop()) {
            WebDriver page = browser.driver();
            try {
                walk(browser, page, language, title, body, text, locale, console, email, secret);
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("one-console-" + language + "-failed");
                System.out.println("Failed at " + page.getCurrentUrl() + ":\n" + page.getPageSource());
                throw e;
            }
        }
    }

    private void walk(
            Browser browser,
            WebDriver page,
            String language,
            String title,
            String body,
            Properties text,
            Locale locale,
            String console,
            String email,
            String secret) {
        {
            page.get(console + "/statements?lang=" + language);
            assertThat(page.getCurrentUrl())
                    .as("signed out, the console asks to sign in")
                    .contains("/login");
            assertThat(page.findElement(By.tagName("html")).getAttribute("dir"))
                    .isEqualTo(language.equals("ar") ? "rtl" : "ltr");
            assertThat(heading(page)).isEqualTo(text.getProperty("signIn.title"));

            page.findElement(By.id("email")).sendKeys(email);
            page.findElement(By.id("password")).sendKeys("not-the-password");
            page.findElement(By.id("code")).sendKeys(Totp.code(secret, Instant.now()));
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form button[type=submit]")));
            assertThat(page.findElement(By.cssSelector(".problem")).getText())
                    .isEqualTo(text.getProperty("signIn.wrong"));

            page.findElement(By.id("email")).sendKeys(email);
            page.findElement(By.id("password")).sendKeys(PASSWORD);
            page.findElement(By.id("code")).sendKeys(Totp.code(secret, Instant.now()));
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form button[type=submit]")));
            assertThat(heading(page)).isEqualTo(text.getProperty("statements.title"));
            assertThat(page.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo(language);
            assertThat(sessionTokens(email))
                    .as("one console session at statements")
                    .isEqualTo(1);
            assertThat(page.getPageSource())
                    .as("the token stays in the console")
                    .doesNotContain("chorus_session_");
            assertThat(page.manage().getCookies())
                    .as("the browser holds only the console's session cookie")
                    .allSatisfy(cookie -> assertThat(cookie.getValue()).doesNotStartWith("chorus_"));

            page.findElement(By.id("text")).sendKeys(title + "\n\n" + body);
            new Select(page.findElement(By.id("language"))).selectByValue(language);
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form[action$='/statements'] button")));
            assertThat(heading(page)).isEqualTo(title);
            assertThat(page.findElement(By.cssSelector(".status")).getText())
                    .isEqualTo(text.getProperty("status.DRAFT"));
            String statementId = page.getCurrentUrl().replaceAll(".*/statements/([0-9a-f-]{36}).*", "$1");

            page.findElement(By.cssSelector("details.schedule summary")).click();
            page.findElement(By.id("signatureTarget")).sendKeys("10");
            page.findElement(By.id("timeZone")).clear();
            page.findElement(By.id("timeZone")).sendKeys("Africa/Nairobi");
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form[action$='/schedule'] button")));
            assertThat(page.findElement(By.cssSelector(".facts")).getText()).contains("10", "Africa/Nairobi");

            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form[action$='/open'] button")));
            assertThat(page.findElement(By.cssSelector(".status")).getText())
                    .isEqualTo(text.getProperty("status.OPEN"));

            browser.clickAndWaitForNextPage(tab(page, "sharing"));
            String signOnLink = TestPlatform.publicUrl() + "/sign/" + statementId + "?lang=" + language;
            assertThat(page.findElements(By.cssSelector("input.sign-on-link")))
                    .extracting(field -> field.getAttribute("value"))
                    .containsExactly(signOnLink);
            WebElement copy = page.findElement(By.cssSelector("button.copy"));
            copy.click();
            Eventually.await(
                    Duration.ofSeconds(5),
                    () -> assertThat(copy.getText()).isEqualTo(text.getProperty("sharing.copied")));

            // invitations: one organisation through the form, one from a CSV file checked first
            String invitedOne = "Amnesty Section " + language;
            page.findElement(By.id("organisation")).sendKeys(invitedOne);
            page.findElement(By.id("invite-email")).sendKeys("amnesty-" + UUID.randomUUID() + "@coalition.example");
            page.findElement(By.id("invite-country")).sendKeys("KE");
            new Select(page.findElement(By.id("invite-language"))).selectByValue(language);
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form.invite-one button")));
            assertThat(page.findElement(By.cssSelector(".notice")).getText())
                    .isEqualTo(format(text, "invitations.sentOne", locale, invitedOne, 1));
            String invitedTwo = "Press Freedom Centre " + language;
            String csvAddress = "pfc-" + UUID.randomUUID() + "@coalition.example";
            page.findElement(By.id("csv-text"))
                    .sendKeys("organisation,email,country,language\n" + invitedTwo + ",not-an-address,FR,fr\n");
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("button.check-csv")));
            assertThat(page.findElement(By.cssSelector(".report-summary")).getText())
                    .isEqualTo(format(text, "invitations.reportProblems", locale, 1, 0, 1));
            assertThat(page.findElement(By.cssSelector("table.report")).getText())
                    .contains(text.getProperty("importError.email"));
            WebElement kept = page.findElement(By.id("csv-text"));
            assertThat(kept.getAttribute("value"))
                    .as("the file stays in the box")
                    .contains(invitedTwo);
            kept.clear();
            kept.sendKeys("organisation,email,country,language\n" + invitedTwo + "," + csvAddress + ",FR,fr\n");
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("button.send-csv")));
            assertThat(page.findElement(By.cssSelector(".notice")).getText())
                    .isEqualTo(format(text, "invitations.sentWave", locale, 1, 2));
            Eventually.await(WAIT, () -> {
                page.navigate().refresh();
                assertThat(page.findElements(By.cssSelector("table.waves tbody tr")))
                        .hasSize(2);
                assertThat(page.findElement(By.cssSelector("table.reminders")).getText())
                        .contains(invitedOne, invitedTwo);
            });
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("button.remind-now")));
            assertThat(page.findElement(By.cssSelector(".notice")).getText())
                    .as("invited minutes ago: a reminder now waits until they had an hour")
                    .isEqualTo(format(text, "reminders.sent", locale, 0));
            browser.screenshot("one-console-" + language + "-sharing");

            // moderation on: open-link signatures wait for approval before they count
            browser.clickAndWaitForNextPage(tab(page, "signatories"));
            page.findElement(By.name("approvalRequired")).click();
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form[action$='/settings'] button")));
            assertThat(page.findElement(By.cssSelector(".notice")).getText())
                    .isEqualTo(text.getProperty("settings.saved"));

            signAndConfirm(signOnLink, statementId, "Kenya Human Rights Desk " + language, "KE");
            signAndConfirm(signOnLink, statementId, "Ligue de la presse " + language, "FR");

            Eventually.await(WAIT, () -> {
                page.navigate().refresh();
                assertThat(page.findElements(By.cssSelector("button.approve"))).hasSize(2);
            });
            assertThat(page.findElement(By.cssSelector(".warning")).getText())
                    .isEqualTo(format(text, "moderation.waiting", locale, 2));
            browser.clickAndWaitForNextPage(
                    row(page, "Kenya Human Rights Desk " + language).findElement(By.cssSelector("button.approve")));
            assertThat(page.findElement(By.cssSelector(".notice")).getText())
                    .isEqualTo(text.getProperty("moderation.approved"));
            assertThat(row(page, "Kenya Human Rights Desk " + language).findElements(By.cssSelector("button")))
                    .as("Approve and Reject appear only on signatures that wait for approval")
                    .isEmpty();
            assertThat(page.findElements(By.cssSelector("button.approve"))).hasSize(1);

            // the dashboard counts live: the second approval, made in another tab, arrives without a reload
            browser.clickAndWaitForNextPage(tab(page, "dashboard"));
            Eventually.await(WAIT, () -> {
                page.navigate().refresh();
                assertThat(page.findElement(By.cssSelector(".confirmed")).getText())
                        .isEqualTo("1");
            });
            String dashboardTab = page.getWindowHandle();
            page.switchTo().newWindow(WindowType.TAB);
            page.get(console + "/statements/" + statementId + "/signatories?status=AWAITING");
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("button.approve")));
            page.close();
            page.switchTo().window(dashboardTab);
            Eventually.await(WAIT, () -> {
                assertThat(page.findElement(By.cssSelector(".confirmed")).getText())
                        .isEqualTo("2");
                assertThat(page.findElements(By.cssSelector(".toward-target")))
                        .extracting(WebElement::getText)
                        .containsExactly(new MessageFormat(text.getProperty("dashboard.towardTarget"), locale)
                                .format(new Object[] {2, 10, 20}));
            });
            assertThat(page.findElement(By.cssSelector("table.countries")).getText())
                    .contains(new Locale("", "KE").getDisplayCountry(locale))
                    .contains(new Locale("", "FR").getDisplayCountry(locale))
                    .doesNotContain("KE");
            browser.screenshot("one-console-" + language + "-dashboard");

            browser.clickAndWaitForNextPage(tab(page, "signatories"));
            assertThat(page.findElement(By.cssSelector("table.signatories")).getText())
                    .contains("Kenya Human Rights Desk " + language, "Ligue de la presse " + language);
            page.findElement(By.id("q")).sendKeys("Kenya");
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form.filter button")));
            assertThat(page.findElements(By.cssSelector("table.signatories tbody tr")))
                    .hasSize(1);
            page.findElement(By.id("q")).clear();
            new Select(page.findElement(By.id("country"))).selectByValue("FR");
            new Select(page.findElement(By.id("kind"))).selectByValue("ORGANISATION");
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form.filter button")));
            assertThat(page.findElements(By.cssSelector("table.signatories tbody tr")))
                    .extracting(WebElement::getText)
                    .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("Ligue de la presse " + language, new Locale("", "FR").getDisplayCountry(locale));
            browser.screenshot("one-console-" + language + "-signatories");
            String export = page.findElement(By.cssSelector(".downloads a[href$='signatories.txt']"))
                    .getAttribute("href");
            Object exported = ((JavascriptExecutor) page)
                    .executeAsyncScript(
                            "fetch(arguments[0]).then(r => r.text()).then(arguments[arguments.length - 1])", export);
            assertThat(String.valueOf(exported))
                    .as("the export, fetched by the console with the coordinator's token")
                    .contains("Kenya Human Rights Desk " + language, "Ligue de la presse " + language);

            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("header nav a[href$='/lists']")));
            assertThat(heading(page)).isEqualTo(text.getProperty("lists.title"));
            String listName = "Press " + language + " " + UUID.randomUUID();
            page.findElement(By.id("name")).sendKeys(listName);
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form[action$='/lists'] button")));
            assertThat(heading(page)).isEqualTo(listName);
            // the press list from a CSV file: checked first, the report in the coordinator's language
            String desk = "desk-" + UUID.randomUUID() + "@newswire.example";
            String bureau = "bureau-" + UUID.randomUUID() + "@lemonde.example";
            WebElement csvBox = page.findElement(By.id("csv-text"));
            csvBox.sendKeys("name,email,language,country\nNews desk," + desk + "," + language + ",KE\nBureau,"
                    + desk.toUpperCase(Locale.ROOT) + ",fr,FR\n");
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("button.check-csv")));
            assertThat(page.findElement(By.cssSelector(".report-summary")).getText())
                    .isEqualTo(format(text, "contacts.reportProblems", locale, 2, 1, 1));
            assertThat(page.findElement(By.cssSelector("table.report")).getText())
                    .contains(text.getProperty("importError.sameEmail"));
            csvBox = page.findElement(By.id("csv-text"));
            csvBox.clear();
            csvBox.sendKeys("name,email,language,country\nNews desk," + desk + "," + language + ",KE\nBureau de Paris,"
                    + bureau + ",fr,FR\n");
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("button.import-csv")));
            assertThat(page.findElement(By.cssSelector(".notice")).getText())
                    .isEqualTo(format(text, "contacts.imported", locale, 2));
            assertThat(page.findElement(By.cssSelector("table.contacts")).getText())
                    .contains(desk, bureau);
            String listPage = page.getCurrentUrl();

            page.get(console + "/statements/" + statementId + "/release");
            new Select(page.findElement(By.id("list"))).selectByVisibleText(listName + " (2)");
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form.choose button")));
            assertThat(page.findElement(By.cssSelector(".subject")).getText()).contains(title);
            new Select(page.findElement(By.id("contact"))).selectByVisibleText("Bureau de Paris (fr)");
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form.choose button")));
            assertThat(new Select(page.findElement(By.id("contact")))
                            .getFirstSelectedOption()
                            .getText())
                    .isEqualTo("Bureau de Paris (fr)");
            assertThat(page.findElement(By.cssSelector(".preview-language")).getText())
                    .as("what the chosen recipient receives: the statement's language, as it has no French translation")
                    .isEqualTo(text.getProperty("language." + language));
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("button.send")));
            assertThat(page.findElement(By.cssSelector(".problem")).getText())
                    .as("distribution's refusal, translated: the statement is not published yet")
                    .isEqualTo(text.getProperty("problem.status.409"));

            browser.clickAndWaitForNextPage(tab(page, "overview"));
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector(".actions a.button")));
            assertThat(page.findElement(By.cssSelector(".warning")).getText())
                    .isEqualTo(text.getProperty("publish.endsSignOn"));
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form[action$='/publish'] button")));
            assertThat(page.findElement(By.cssSelector(".status")).getText())
                    .isEqualTo(text.getProperty("status.PUBLISHED"));
            Eventually.await(WAIT, () -> {
                page.get(console + "/statements/" + statementId + "/sharing");
                page.findElement(By.id("organisation")).sendKeys("Too Late Collective");
                page.findElement(By.id("invite-email")).sendKeys("late-" + UUID.randomUUID() + "@coalition.example");
                browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form.invite-one button")));
                assertThat(page.findElement(By.cssSelector(".problem")).getText())
                        .as("signatures' refusal, translated by its message code")
                        .isEqualTo(text.getProperty("problem.code.signOnEnded"));
            });
            assertThat(page.findElement(By.id("organisation")).getAttribute("value"))
                    .as("what was typed stays in the form")
                    .isEqualTo("Too Late Collective");

            page.get(console + "/statements/" + statementId + "/release");
            new Select(page.findElement(By.id("list"))).selectByVisibleText(listName + " (2)");
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form.choose button")));
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("button.test-send")));
            assertThat(page.findElement(By.cssSelector(".notice")).getText())
                    .isEqualTo(text.getProperty("release.testSent"));
            Eventually.await(
                    WAIT,
                    () -> assertThat(mailsTo(email))
                            .as("the test copy went to the coordinator's own address")
                            .hasSize(1));
            browser.screenshot("one-console-" + language + "-release-preview");

            Eventually.await(WAIT, () -> {
                page.get(console + "/statements/" + statementId + "/release");
                new Select(page.findElement(By.id("list"))).selectByVisibleText(listName + " (2)");
                browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form.choose button")));
                browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("button.send")));
                assertThat(page.getCurrentUrl())
                        .as("sent once distribution knows the statement is published")
                        .contains("/releases/");
            });
            Eventually.await(WAIT, () -> {
                page.navigate().refresh();
                assertThat(page.findElement(By.cssSelector(".state")).getText())
                        .isEqualTo(text.getProperty("releaseState.SENT"));
            });
            assertThat(page.findElement(By.cssSelector(".sent")).getText()).isEqualTo("2");
            browser.screenshot("one-console-" + language + "-release");
            Eventually.await(WAIT, () -> assertThat(mailsTo(desk)).hasSize(1));
            assertThat(body(mailsTo(desk).get(0))).contains(body, "Kenya Human Rights Desk " + language);
            Eventually.await(WAIT, () -> assertThat(mailsTo(bureau)).hasSize(1));
            String releasePage = page.getCurrentUrl();

            // on a phone, 390 px wide: no console page scrolls sideways; wide tables scroll inside their box
            ((HasCdp) page)
                    .executeCdpCommand(
                            "Emulation.setDeviceMetricsOverride",
                            Map.<String, Object>of(
                                    "width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
            for (String path : List.of(
                    "/statements",
                    "/statements/" + statementId,
                    "/statements/" + statementId + "/sharing",
                    "/statements/" + statementId + "/dashboard",
                    "/statements/" + statementId + "/signatories",
                    "/statements/" + statementId + "/release?list="
                            + listPage.replaceAll(".*/lists/([0-9a-f-]{36}).*", "$1"),
                    "/lists",
                    listPage.replaceAll("^http://[^/]+", "").replaceAll("#.*", ""),
                    "/releases",
                    releasePage.replaceAll("^http://[^/]+", ""))) {
                page.get(console + path);
                JavascriptExecutor script = (JavascriptExecutor) page;
                Object wide = script.executeScript("return Array.from(document.querySelectorAll('body *'))"
                        + ".filter(e => { const r = e.getBoundingClientRect(); return r.right > 391 || r.left < -1; })"
                        + ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + e.outerHTML.slice(0, 120))");
                assertThat(((Number) script.executeScript("return window.innerWidth")).intValue())
                        .as("%s: the layout is 390 px wide (wider: %s)", path, wide)
                        .isEqualTo(390);
                assertThat(((Number) script.executeScript("return document.documentElement.scrollWidth")).intValue())
                        .as("%s fits 390 px", path)
                        .isLessThanOrEqualTo(390);
            }
            page.get(console + "/statements/" + statementId + "/signatories");
            browser.screenshot("one-console-" + language + "-signatories-390px");
            page.get(console + "/statements/" + statementId + "/sharing");
            browser.screenshot("one-console-" + language + "-sharing-390px");

            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form.signout button")));
            assertThat(page.findElement(By.cssSelector(".notice")).getText())
                    .isEqualTo(text.getProperty("signIn.signedOut"));
            assertThat(sessionTokens(email))
                    .as("sign-out revoked the session's token")
                    .isZero();
            page.get(console + "/statements");
            assertThat(page.getCurrentUrl()).as("signed out").contains("/login");
        }
    }

    /** A signer on the public page (not the console): signs as an organisation and confirms through the mailed link. */
    private static void signAndConfirm(String link, String statementId, String organisation, String country) {
        Http signatures = TestPlatform.signatures();
        String form = Eventually.await(WAIT, () -> {
            var page = signatures.get("/sign/" + statementId);
            assertThat(page.status()).isEqualTo(200);
            return page.body();
        });
        Matcher hash = REVISION_HASH.matcher(form);
        assertThat(hash.find()).as("the sign-on form names the text's version").isTrue();
        String address = "signer-" + UUID.randomUUID() + "@coalition.example";
        var sent = signatures.postForm(
                link.replaceAll("^http://[^/]+", "").replaceAll("\\?.*", ""),
                Map.of(
                        "name",
                        organisation,
                        "country",
                        country,
                        "qualifier",
                        "",
                        "contactName",
                        "Contact of " + organisation,
                        "email",
                        address,
                        "authorised",
                        "true",
                        "revisionHash",
                        hash.group(1)));
        assertThat(sent.status()).as(sent.body()).isEqualTo(303);
        MimeMessage mail = Eventually.await(WAIT, () -> {
            List<MimeMessage> mails = mailsTo(address);
            assertThat(mails).hasSize(1);
            return mails.get(0);
        });
        Matcher confirm = CONFIRM_LINK.matcher(body(mail));
        assertThat(confirm.find()).isTrue();
        assertThat(signatures.postForm(confirm.group(1), Map.of()).status()).isEqualTo(200);
    }

    /** The coordinator's console-session tokens that statements still accepts (stored as hashes). */
    private static int sessionTokens(String email) {
        var infrastructure = RealInfrastructure.get();
        try (Connection database = DriverManager.getConnection(
                        infrastructure.jdbcUrl(), infrastructure.dbUser(), infrastructure.dbPassword());
                PreparedStatement query = database.prepareStatement("""
                        select count(*) from statements.api_token t
                          join statements.coordinator c on c.id = t.coordinator_id
                         where c.email = ? and t.kind = 'SESSION' and t.expires_at > now()""")) {
            query.setString(1, email);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WebElement row(WebDriver page, String name) {
        return page.findElements(By.cssSelector("table.signatories tbody tr")).stream()
                .filter(row -> row.getText().contains(name))
                .findFirst()
                .orElseThrow();
    }

    private static String format(Properties text, String key, Locale locale, Object... arguments) {
        return new MessageFormat(text.getProperty(key), locale).format(arguments);
    }

    private static WebElement tab(WebDriver page, String name) {
        return page.findElement(
                By.cssSelector(name.equals("overview") ? ".tabs a:first-child" : ".tabs a[href$='/" + name + "']"));
    }

    private static String heading(WebDriver page) {
        return page.findElement(By.tagName("h1")).getText();
    }

    private static Properties texts(String language) {
        String name = "/messages/chorus-console" + (language.equals("en") ? "" : "_" + language) + ".properties";
        try (InputStream in = OneConsoleInBrowserTest.class.getResourceAsStream(name)) {
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
