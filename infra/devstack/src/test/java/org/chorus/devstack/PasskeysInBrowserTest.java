package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * A coordinator adds a passkey on the console's account page and signs in with it instead of password and code, in a
 * headless Chromium with a virtual authenticator (Chrome DevTools' WebAuthn domain); removes it, and it signs nobody in
 * any more; and a passkey of another account, even one claiming this account's user handle, never signs in as this one.
 */
class PasskeysInBrowserTest {
    private static final String PASSWORD = "passkey-password-1";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void aCoordinatorSignsInWithThePasskeyAddedOnTheAccountPageAndNoOtherAccountsPasskeyIsTheirs() {
        Properties text = texts("en");
        Http admin = TestPlatform.statements();
        String console = "http://localhost:" + TestPlatform.consolePort();
        String amina = "amina-" + UUID.randomUUID() + "@passkeys.example";
        String aminaSecret = coordinator(admin, amina, "en");
        String boris = "boris-" + UUID.randomUUID() + "@passkeys.example";
        String borisSecret = coordinator(admin, boris, "ru");

        try (Browser first = Browser.desktop();
                Browser second = Browser.desktop()) {
            WebDriver page = first.driver();
            VirtualAuthenticator aminasDevice = authenticator(page);

            signInWithCode(first, console, amina, aminaSecret);
            page.get(console + "/account");
            assertThat(passkeysSection(page)).contains(text.getProperty("passkeys.none"));
            addPasskey(page, "Amina's laptop");
            assertThat(passkeysSection(page)).contains("Amina's laptop", text.getProperty("passkeys.addedNotice"));
            assertThat(aminasDevice.getCredentials()).hasSize(1);
            first.screenshot("passkeys-account-en");

            signOut(first);
            page.get(console + "/login?lang=ar");
            first.screenshot("passkeys-sign-in-ar");
            assertThat(page.findElement(By.cssSelector("#passkey-sign-in button"))
                            .getText())
                    .isEqualTo(texts("ar").getProperty("signIn.passkey"));
            signInWithPasskey(page);
            page.get(console + "/account");
            assertThat(page.findElement(By.cssSelector("main dl")).getText())
                    .as("signed in with the passkey, without password or code")
                    .contains(amina);
            assertThat(passkeysSection(page)).contains("Amina's laptop");

            // another coordinator's passkey, on another device
            WebDriver other = second.driver();
            VirtualAuthenticator borisDevice = authenticator(other);
            signInWithCode(second, console, boris, borisSecret);
            other.get(console + "/account");
            addPasskey(other, "Boris's key");
            assertThat(passkeysSection(other)).contains("Boris's key").doesNotContain("Amina's laptop");
            Credential borisKey = borisDevice.getCredentials().get(0);

            // Amina removes hers (back in English: she chose Arabic on the sign-in page): it signs nobody in any more
            page.get(console + "/account?lang=en");
            first.clickAndWaitForNextPage(page.findElement(
                    By.cssSelector("section[aria-labelledby=passkeys] form[action$='/remove'] button")));
            assertThat(passkeysSection(page))
                    .contains(text.getProperty("passkeys.removed"), text.getProperty("passkeys.none"))
                    .doesNotContain("Amina's laptop");
            signOut(first);
            page.get(console + "/login");
            clickPasskeyButton(page);
            new WebDriverWait(page, WAIT)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("passkey-refused")));
            assertThat(page.findElement(By.id("passkey-refused")).getText())
                    .isEqualTo(text.getProperty("signIn.passkeyRefused"));
            assertThat(page.getCurrentUrl()).contains("/login");

            // Boris's passkey on Amina's device, claiming Amina's user handle: never Amina's account
            byte[] aminasHandle = aminasDevice.getCredentials().get(0).getUserHandle();
            aminasDevice.removeAllCredentials();
            aminasDevice.addCredential(Credential.createResidentCredential(
                    borisKey.getId(), "localhost", borisKey.getPrivateKey(), aminasHandle, borisKey.getSignCount()));
            page.get(console + "/login");
            clickPasskeyButton(page);
            new WebDriverWait(page, WAIT)
                    .until(driver -> driver.getCurrentUrl().contains("/statements")
                            || driver.findElement(By.id("passkey-refused")).isDisplayed());
            page.get(console + "/account");
            assertThat(page.getPageSource()).doesNotContain(amina);

            // and Boris's own passkey on his own device signs Boris in
            signOut(second);
            other.get(console + "/login");
            signInWithPasskey(other);
            other.get(console + "/account");
            assertThat(other.findElement(By.cssSelector("main dl")).getText()).contains(boris);
        }
    }

    private static String coordinator(Http admin, String email, String language) {
        return admin.postJson("/api/coordinators", Map.of("email", email, "password", PASSWORD, "language", language))
                .json()
                .get("totpSecret")
                .asString();
    }

    private static VirtualAuthenticator authenticator(WebDriver driver) {
        return ((HasVirtualAuthenticator) driver)
                .addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                        .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                        .setHasResidentKey(true)
                        .setHasUserVerification(true)
                        .setIsUserVerified(true)
                        .setIsUserConsenting(true));
    }

    private static void signInWithCode(Browser browser, String console, String email, String secret) {
        WebDriver page = browser.driver();
        page.get(console + "/login");
        page.findElement(By.id("email")).sendKeys(email);
        page.findElement(By.id("password")).sendKeys(PASSWORD);
        page.findElement(By.id("code")).sendKeys(Totp.code(secret, Instant.now()));
        browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form button[type=submit]")));
        assertThat(page.getCurrentUrl()).contains("/statements");
    }

    private static void addPasskey(WebDriver page, String label) {
        new WebDriverWait(page, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("passkey-register")));
        page.findElement(By.id("passkey-label")).sendKeys(label);
        page.findElement(By.cssSelector("#passkey-register button[type=submit]"))
                .click();
        new WebDriverWait(page, WAIT).until(driver -> driver.getCurrentUrl().contains("added=1"));
    }

    private static void clickPasskeyButton(WebDriver page) {
        new WebDriverWait(page, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("passkey-sign-in")));
        page.findElement(By.cssSelector("#passkey-sign-in button")).click();
    }

    private static void signInWithPasskey(WebDriver page) {
        clickPasskeyButton(page);
        new WebDriverWait(page, WAIT).until(driver -> driver.getCurrentUrl().contains("/statements"));
    }

    private static void signOut(Browser browser) {
        browser.clickAndWaitForNextPage(browser.driver().findElement(By.cssSelector("form.signout button")));
        assertThat(browser.driver().getCurrentUrl()).contains("/login");
    }

    private static String passkeysSection(WebDriver page) {
        return page.findElement(By.cssSelector("section[aria-labelledby=passkeys]"))
                        .getText()
                + page.findElements(By.cssSelector(".notice")).stream()
                        .map(notice -> notice.getText())
                        .toList();
    }

    private static Properties texts(String language) {
        String name = "/messages/chorus-console" + (language.equals("en") ? "" : "_" + language) + ".properties";
        try (InputStream in = PasskeysInBrowserTest.class.getResourceAsStream(name)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
