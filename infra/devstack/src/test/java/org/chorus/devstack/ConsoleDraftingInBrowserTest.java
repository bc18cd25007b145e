package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.chorus.statements.accounts.Totp;
import org.chorus.testsupport.Browser;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.XiamenSeed;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Drafting in the one console, as a coordinator who never opens a terminal: they paste the seed statement as it was
 * circulated (a blog post, its 34 signatories, the next posts), check the import preview line by line, fix the title
 * and confirm; add a French translation beside the original; save a revision and read its word diff; open the
 * statement and find the 34 signatories listed exactly as the seed prints them; then revise the open text, warned
 * first that confirmed signers will be asked to re-consent. In English and in Arabic, right to left; screenshots land
 * in target/screenshots/console-drafting-*.png.
 */
class ConsoleDraftingInBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PASSWORD = "drafting-password-1";
    private static final XiamenSeed SEED = XiamenSeed.load();

    @Test
    void aCoordinatorPastesTheSeedConfirmsItsSignatoriesTranslatesAndRevisesItInEnglish() {
        draft("en");
    }

    @Test
    void aCoordinatorPastesTheSeedConfirmsItsSignatoriesTranslatesAndRevisesItInArabicRightToLeft() {
        draft("ar");
    }

    private void draft(String language) {
        Properties text = texts(language);
        Locale locale = Locale.forLanguageTag(language);
        String console = "http://localhost:" + TestPlatform.consolePort();
        String email = "drafting-" + language + "-" + UUID.randomUUID() + "@coalition.example";
        String secret = TestPlatform.statements()
                .postJson("/api/coordinators", Map.of("email", email, "password", PASSWORD, "language", language))
                .json()
                .get("totpSecret")
                .asString();

        try (Browser browser = Browser.desktop()) {
            WebDriver page = browser.driver();
            page.get(console + "/login?lang=" + language);
            page.findElement(By.id("email")).sendKeys(email);
            page.findElement(By.id("password")).sendKeys(PASSWORD);
            page.findElement(By.id("code")).sendKeys(Totp.code(secret, Instant.now()));
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form button[type=submit]")));
            assertThat(heading(page)).isEqualTo(text.getProperty("statements.title"));

            // The services' refusals, in the coordinator's language: a title alone, then a list line that cannot be
            // read.
            paste(page, page.findElement(By.id("text")), "Only a title");
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form[action$='/statements'] button")));
            assertThat(page.findElement(By.cssSelector(".problem")).getText())
                    .isEqualTo(text.getProperty("problem.code.pasted.noBody") + " "
                            + new MessageFormat(text.getProperty("problem.fields"), locale)
                                    .format(new Object[] {text.getProperty("field.text")}));
            assertThat(page.findElement(By.id("text")).getAttribute("value")).isEqualTo("Only a title");
            paste(
                    page,
                    page.findElement(By.id("text")),
                    "A title\n\nThe text.\n\nSignatories:\n\n  1. Ministry of Truth (Oceania)\n  2. Free Tibet (United Kingdom)\n");
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form[action$='/statements'] button")));
            assertThat(page.findElement(By.cssSelector("table.import-preview tr.refused"))
                            .getText())
                    .contains(text.getProperty("import.refused.unknownGroup"));
            assertThat(page.findElements(By.cssSelector("table.import-preview tr.accepted")))
                    .hasSize(1);
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form[action$='/import'] a")));

            // Paste the seed as it was circulated: nothing is stored before the preview is confirmed.
            paste(page, page.findElement(By.id("text")), seedText());
            new Select(page.findElement(By.id("language"))).selectByValue("en");
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form[action$='/statements'] button")));
            assertThat(heading(page)).isEqualTo(text.getProperty("import.title"));
            assertThat(page.findElement(By.tagName("html")).getAttribute("dir"))
                    .isEqualTo(language.equals("ar") ? "rtl" : "ltr");
            List<WebElement> rows = page.findElements(By.cssSelector("table.import-preview tbody tr"));
            assertThat(rows).hasSize(34);
            assertThat(page.findElements(By.cssSelector("table.import-preview tr.accepted")))
                    .hasSize(34);
            assertThat(page.findElement(By.cssSelector(".import-summary")).getText())
                    .isEqualTo(
                            new MessageFormat(text.getProperty("import.summary"), locale).format(new Object[] {34, 0}));
            assertThat(rows.get(12).getText())
                    .contains("Judicial Reform Foundation", new Locale("", "TW").getDisplayCountry(locale));
            assertThat(rows.get(0).findElement(By.cssSelector(".no-country")).getText())
                    .isEqualTo(text.getProperty("import.noCountry"));
            assertThat(rows.get(9).getText())
                    .contains(
                            "International Federation for Human Rights (FIDH)",
                            "within the framework of the Observatory for the Protection of Human Rights Defenders");
            assertThat(statementsOf(email))
                    .as("nothing stored before the coordinator confirms")
                    .isZero();
            browser.screenshot("console-drafting-" + language + "-import-preview");

            WebElement title = page.findElement(By.id("title"));
            title.clear();
            title.sendKeys(SEED.title());
            paste(page, page.findElement(By.id("body")), SEED.body());
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("button.confirm-import")));
            assertThat(heading(page)).isEqualTo(SEED.title().replace('\u00a0', ' '));
            assertThat(page.findElement(By.cssSelector(".status")).getText())
                    .isEqualTo(text.getProperty("status.DRAFT"));
            assertThat(page.findElement(By.cssSelector(".waiting-import")).getText())
                    .isEqualTo(new MessageFormat(text.getProperty("import.waiting"), locale).format(new Object[] {34}));
            String statementId = page.getCurrentUrl().replaceAll(".*/statements/([0-9a-f-]{36}).*", "$1");

            // A French translation, written beside the original.
            browser.clickAndWaitForNextPage(tab(page, "translations"));
            new Select(page.findElement(By.id("language"))).selectByValue("fr");
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form.add-translation button")));
            assertThat(page.findElement(By.cssSelector(".side-by-side .original"))
                            .getText())
                    .contains("Rescind the travel bans");
            page.findElement(By.id("title"))
                    .sendKeys("Déclaration commune pour le cinquième anniversaire de la répression de Xiamen");
            paste(
                    page,
                    page.findElement(By.id("body")),
                    "À l’occasion du cinquième anniversaire de la répression du « rassemblement de Xiamen », "
                            + "34 organisations réaffirment leur solidarité.");
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("button.save-translation")));
            assertThat(page.findElement(By.cssSelector(".notice")).getText())
                    .isEqualTo(text.getProperty("translations.saved"));
            assertThat(page.findElement(By.cssSelector("ul.translations")).getText())
                    .contains(text.getProperty("language.fr"));
            browser.screenshot("console-drafting-" + language + "-translation");

            // A revision of the draft, and its word diff.
            browser.clickAndWaitForNextPage(tab(page, "text"));
            assertThat(page.findElements(By.cssSelector(".reconsent-warning")))
                    .as("a draft has no confirmed signers to ask")
                    .isEmpty();
            page.findElement(By.id("body")).sendKeys(" We call for their immediate release.");
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("button.save-revision")));
            assertThat(page.findElement(By.cssSelector("#diff h2")).getText())
                    .isEqualTo(
                            new MessageFormat(text.getProperty("drafting.diff"), locale).format(new Object[] {1, 2}));
            assertThat(page.findElements(By.cssSelector(".diff ins")))
                    .extracting(WebElement::getText)
                    .anySatisfy(inserted -> assertThat(inserted).contains("immediate"));
            assertThat(page.findElements(By.cssSelector("table.revisions tbody tr")))
                    .hasSize(2);
            browser.screenshot("console-drafting-" + language + "-diff");

            // Opened, the statement has the 34 signatories of the pasted list, printed as the seed prints them.
            browser.clickAndWaitForNextPage(tab(page, "overview"));
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form[action$='/open'] button")));
            assertThat(page.findElement(By.cssSelector(".status")).getText())
                    .isEqualTo(text.getProperty("status.OPEN"));
            Eventually.await(WAIT, () -> {
                page.get(console + "/statements/" + statementId + "/signatories");
                assertThat(page.findElements(By.cssSelector("table.signatories tbody tr")))
                        .hasSize(34);
            });
            String export = page.findElement(By.cssSelector(".downloads a[href*='order=time']"))
                    .getAttribute("href");
            Object exported = ((JavascriptExecutor) page)
                    .executeAsyncScript(
                            "fetch(arguments[0]).then(r => r.text()).then(arguments[arguments.length - 1])", export);
            assertThat(String.valueOf(exported).lines().toList())
                    .as("the export, fetched through the console, prints the seed's block")
                    .containsExactlyElementsOf(SEED.signatoryBlock());
            browser.screenshot("console-drafting-" + language + "-signatories");

            // A material change to the open text: the page says signers will be asked to re-consent, before saving.
            browser.clickAndWaitForNextPage(tab(page, "text"));
            assertThat(page.findElement(By.cssSelector(".reconsent-warning")).getText())
                    .isEqualTo(text.getProperty("drafting.reconsentWarning"));
            page.findElement(By.id("body")).sendKeys(" Now.");
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("button.save-revision")));
            assertThat(page.findElement(By.cssSelector(".confirm-reconsent")).getText())
                    .isEqualTo(text.getProperty("drafting.reconsentConfirm"));
            assertThat(page.findElement(By.id("body")).getAttribute("value"))
                    .as("what was typed is kept")
                    .endsWith("release. Now.");
            assertThat(page.findElements(By.cssSelector("table.revisions tbody tr")))
                    .as("nothing saved yet")
                    .hasSize(2);
            browser.screenshot("console-drafting-" + language + "-reconsent-warning");
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("button.save-revision")));
            assertThat(page.findElement(By.cssSelector("#diff h2")).getText())
                    .isEqualTo(
                            new MessageFormat(text.getProperty("drafting.diff"), locale).format(new Object[] {2, 3}));
        }
    }

    /** What a paste does: the whole text lands in the field at once. */
    private static void paste(WebDriver page, WebElement field, String value) {
        ((JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1];", field, value);
    }

    private static String seedText() {
        try (InputStream in = XiamenSeed.class.getResourceAsStream("/seeds/xiamen-statement.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int statementsOf(String email) {
        return TestPlatform.statements().get("/api/statements").status() == 200 ? countFor(email) : 0;
    }

    private static int countFor(String email) {
        var infrastructure = org.chorus.testsupport.RealInfrastructure.get();
        try (var database = java.sql.DriverManager.getConnection(
                        infrastructure.jdbcUrl(), infrastructure.dbUser(), infrastructure.dbPassword());
                var query = database.prepareStatement("""
                        select count(*) from statements.statement_member m
                          join statements.coordinator c on c.id = m.coordinator_id where c.email = ?""")) {
            query.setString(1, email);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
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
        try (InputStream in = ConsoleDraftingInBrowserTest.class.getResourceAsStream(name)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
