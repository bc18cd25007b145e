package org.chorus.statements.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.chorus.statements.Api;
import org.chorus.statements.accounts.Totp;
import org.chorus.testsupport.Browser;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WrapsDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The coordinator console in headless Chromium: log in with password and TOTP, draft, compare, translate, discuss. */
@ChorusServiceTest
class ConsoleBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void coordinatorLogsInWithPasswordAndCodeThenManagesTokensAndColleagueAccounts() {
        try (Browser browser = Browser.desktop()) {
            WebDriver driver = browser.driver();
            driver.get(url("/console"));
            assertThat(driver.getCurrentUrl()).endsWith("/console/login");
            browser.screenshot("console-1-login");
            logIn(driver, Api.OWNER_EMAIL, "not-the-password", null);
            assertThat(driver.findElement(By.cssSelector(".error")).getText()).contains("not right");
            assertThat(driver.findElement(By.id("email")).getAttribute("value")).isEqualTo(Api.OWNER_EMAIL);
            logIn(driver, Api.OWNER_EMAIL, Api.OWNER_PASSWORD, Api.OWNER_TOTP_SECRET);

            assertThat(driver.findElement(By.tagName("h1")).getText())
                    .as("drafting lives in the one console; statements keeps the account page")
                    .isEqualTo("Account");
            driver.get(url("/console/account"));
            submit(driver.findElement(By.id("token-name")));
            String token = driver.findElement(By.id("new-token")).getText();
            assertThat(new Api(port, token).get("/api/me").status()).isEqualTo(200);
            type(driver, driver.findElement(By.id("token-name")), "to revoke");
            submit(driver.findElement(By.id("token-name")));
            String revocable = driver.findElement(By.id("new-token")).getText();
            WebElement row = driver.findElement(By.xpath("//table[@id='tokens']//tr[td[text()='to revoke']]"));
            assertThat(row.getText()).doesNotContain(revocable);
            submit(row.findElement(By.tagName("button")));
            assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                    .contains("revoked");
            assertThat(driver.findElement(By.id("tokens")).getText()).doesNotContain("to revoke");
            assertThat(new Api(port, revocable).get("/api/me").status()).isEqualTo(401);
            assertThat(new Api(port, token).get("/api/me").status()).isEqualTo(200);
            driver.findElement(By.id("new-email")).sendKeys("colleague-" + UUID.randomUUID() + "@coalition.example");
            driver.findElement(By.id("new-password")).sendKeys("a-long-password-2");
            submit(driver.findElement(By.id("new-password")));
            assertThat(driver.findElement(By.id("enrol-uri")).getText()).startsWith("otpauth://totp/Chorus");
            assertThat(driver.findElement(By.id("enrol-secret")).getText()).matches("[A-Z2-7]{32}");
            browser.screenshot("console-8-account");
        }
    }

    @Test
    void anArabicSpeakingCoordinatorSeesTheConsoleInArabicRightToLeft() {
        String email = "arabic-" + UUID.randomUUID() + "@coalition.example";
        var enrolment = Api.owner(port)
                .post("/api/coordinators", Map.of("email", email, "password", "a-long-password-1", "language", "ar"));
        String secret = enrolment.json().get("totpSecret").asString();
        try (Browser browser = Browser.desktop()) {
            WebDriver driver = browser.driver();
            driver.get(url("/console/login"));
            logIn(driver, email, "a-long-password-1", secret);
            // the code's form submits and the browser navigates to the list: read it once it has arrived
            Eventually.await(Duration.ofSeconds(20), () -> {
                try {
                    WebElement html = driver.findElement(By.tagName("html"));
                    assertThat(html.getAttribute("lang")).isEqualTo("ar");
                    assertThat(html.getAttribute("dir")).isEqualTo("rtl");
                    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("الحساب");
                } catch (WebDriverException stillNavigating) {
                    throw new AssertionError(stillNavigating.getMessage(), stillNavigating);
                }
            });
            browser.screenshot("console-7-arabic");
        }
    }

    private void logIn(WebDriver driver, String email, String password, String secret) {
        driver.get(url("/console/login"));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        submit(driver.findElement(By.id("password")));
        if (secret != null) {
            Eventually.await(
                    Duration.ofSeconds(20),
                    () -> assertThat(driver.getCurrentUrl()).endsWith("/console/login/code"));
            driver.findElement(By.id("code")).sendKeys(Totp.code(secret, Instant.now()));
            submit(driver.findElement(By.id("code")));
            Eventually.await(
                    Duration.ofSeconds(20),
                    () -> assertThat(driver.getCurrentUrl()).doesNotContain("/console/login"));
        }
    }

    /** Long texts are set directly rather than typed key by key. */
    private static void type(WebDriver driver, WebElement field, String text) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", field, text);
    }

    /** Submits the field's form and waits until the browser has replaced the page with the answer. */
    private static void submit(WebElement field) {
        WebDriver driver = ((WrapsDriver) field).getWrappedDriver();
        WebElement page = driver.findElement(By.tagName("html"));
        field.findElement(By.xpath("ancestor::form//button[@type='submit']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(Browser.replaced(page));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
