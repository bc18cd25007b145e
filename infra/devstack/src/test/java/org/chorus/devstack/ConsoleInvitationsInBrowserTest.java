package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.chorus.statements.accounts.Totp;
import org.chorus.testsupport.Browser;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * A coordinator invited to a coalition and to co-draft a statement answers on the console's account page, in Arabic,
 * right to left: joins the coalition, declines the statement, then leaves the coalition again, and is told in their
 * language that they cannot leave their own coalition, of which they are the last member.
 */
class ConsoleInvitationsInBrowserTest {
    private static final String PASSWORD = "console-password-2";

    @Test
    void anInvitedCoordinatorAcceptsDeclinesAndLeavesOnTheAccountPageInArabic() {
        Properties text = texts("ar");
        Http admin = TestPlatform.statements();
        String email = "invited-" + UUID.randomUUID() + "@coalition.example";
        String secret = admin.postJson(
                        "/api/coordinators", Map.of("email", email, "password", PASSWORD, "language", "ar"))
                .json()
                .get("totpSecret")
                .asString();
        String coalition = admin.postJson("/api/coalitions", Map.of("name", "Coalition for press freedom"))
                .json()
                .get("id")
                .asString();
        assertThat(admin.postJson("/api/coalitions/" + coalition + "/members", Map.of("email", email))
                        .status())
                .isEqualTo(202);
        String statement = admin.postJson(
                        "/api/statements",
                        Map.of("title", "Free the journalists", "body", "We call for their release.", "language", "en"))
                .json()
                .get("id")
                .asString();
        admin.postJson("/api/statements/" + statement + "/members", Map.of("email", email, "role", "EDITOR"));

        try (Browser browser = Browser.desktop()) {
            WebDriver page = browser.driver();
            String console = "http://localhost:" + TestPlatform.consolePort();
            page.get(console + "/login?lang=ar");
            page.findElement(By.id("email")).sendKeys(email);
            page.findElement(By.id("password")).sendKeys(PASSWORD);
            page.findElement(By.id("code")).sendKeys(Totp.code(secret, Instant.now()));
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form button[type=submit]")));
            page.get(console + "/account");
            assertThat(page.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            String invitations = page.findElement(By.cssSelector("section[aria-labelledby=invitations]"))
                    .getText();
            assertThat(invitations)
                    .contains(text.getProperty("account.invitedToCoalition"), "Coalition for press freedom")
                    .contains(text.getProperty("account.invitedToStatement"), "Free the journalists")
                    .contains(text.getProperty("role.EDITOR"));
            browser.screenshot("console-invitations-ar");

            browser.clickAndWaitForNextPage(
                    page.findElement(By.cssSelector("form[action$='/coalitions/" + coalition + "/accept'] button")));
            assertThat(page.findElement(By.cssSelector(".notice")).getText())
                    .isEqualTo(text.getProperty("account.accepted"));
            assertThat(page.findElement(By.cssSelector("section[aria-labelledby=coalitions]"))
                            .getText())
                    .contains("Coalition for press freedom");

            browser.clickAndWaitForNextPage(
                    page.findElement(By.cssSelector("form[action$='/statements/" + statement + "/decline'] button")));
            assertThat(page.findElement(By.cssSelector(".notice")).getText())
                    .isEqualTo(text.getProperty("account.declined"));
            assertThat(page.findElement(By.cssSelector("section[aria-labelledby=invitations]"))
                            .getText())
                    .contains(text.getProperty("account.noInvitations"));

            browser.clickAndWaitForNextPage(
                    page.findElement(By.cssSelector("form[action$='/coalitions/" + coalition + "/leave'] button")));
            assertThat(page.findElement(By.cssSelector(".notice")).getText())
                    .isEqualTo(text.getProperty("account.left"));
            assertThat(page.findElement(By.cssSelector("section[aria-labelledby=coalitions]"))
                            .getText())
                    .doesNotContain("Coalition for press freedom");

            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form[action$='/leave'] button")));
            assertThat(page.findElement(By.cssSelector(".problem")).getText())
                    .isEqualTo(text.getProperty("problem.code.coalitionLastMember"));
        }
        assertThat(admin.get("/api/coalitions/" + coalition + "/members").body())
                .doesNotContain(email);
        assertThat(admin.get("/api/statements/" + statement + "/members").body())
                .doesNotContain(email);
    }

    private static Properties texts(String language) {
        String name = "/messages/chorus-console" + (language.equals("en") ? "" : "_" + language) + ".properties";
        try (InputStream in = ConsoleInvitationsInBrowserTest.class.getResourceAsStream(name)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
