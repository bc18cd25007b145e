package org.chorus.signatures.signon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.chorus.testsupport.Browser;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public page as a signer on a phone sees it, in headless Chromium. */
@ChorusServiceTest
class SignOnPageInBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void anOrganisationSignsOnAPhoneAndIsAskedToCheckItsMail() {
        String base = "http://localhost:" + port;
        UUID statement = Statements.open(
                new Http(base),
                "Joint civil society statement on the fifth anniversary of the Xiamen gathering crackdown",
                "en",
                "We urge the Chinese government to:\n\n  1. Immediately and unconditionally release all human rights defenders.");
        try (Browser browser = Browser.phone()) {
            WebDriver page = browser.driver();
            page.get(base + "/sign/" + statement);
            assertThat(page.getTitle()).contains("Xiamen gathering");
            assertThat(page.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("ltr");
            browser.screenshot("sign-on-phone");

            page.findElement(By.id("name")).sendKeys("Lawyers for Lawyers");
            new Select(page.findElement(By.id("country"))).selectByValue("NL");
            page.findElement(By.id("contactName")).sendKeys("Amina Diallo");
            page.findElement(By.id("email")).sendKeys("browser-signer@example.org");
            page.findElement(By.name("authorised")).click();
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("button[type=submit]")));

            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Check your e-mail");
            browser.screenshot("sign-on-phone-sent");
        }
    }

    @Test
    void anArabicSignerSignsRightToLeftInArabicAndCanSwitchToFrench() {
        String base = "http://localhost:" + port;
        UUID statement = Statements.open(
                new Http(base), "بيان مشترك بشأن المدافعين", "ar", "نحث الحكومة على الإفراج عن المدافعين.");
        try (Browser browser = Browser.phone()) {
            WebDriver page = browser.driver();
            page.get(base + "/sign/" + statement);
            assertThat(page.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            assertThat(page.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo("ar");
            assertThat(page.findElement(By.cssSelector("label[for=name]")).getText())
                    .isEqualTo("اسم المنظمة");
            assertThat(new Select(page.findElement(By.id("country"))).getOptions())
                    .anySatisfy(option -> assertThat(option.getText()).isEqualTo("مصر"));

            page.findElement(By.id("name")).sendKeys("مركز القاهرة لدراسات حقوق الإنسان");
            new Select(page.findElement(By.id("country"))).selectByValue("EG");
            page.findElement(By.id("contactName")).sendKeys("بهي الدين حسن");
            page.findElement(By.id("email")).sendKeys("cihrs-browser@example.org");
            page.findElement(By.name("authorised")).click();
            browser.screenshot("sign-on-phone-arabic-filled");
            browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("button[type=submit]")));

            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("تحقق من بريدك الإلكتروني");
            assertThat(page.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            browser.screenshot("sign-on-phone-arabic-sent");

            page.get(base + "/sign/" + statement);
            browser.clickAndWaitForNextPage(page.findElement(By.linkText("Français")));
            assertThat(page.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("ltr");
            assertThat(page.findElement(By.cssSelector("label[for=name]")).getText())
                    .isEqualTo("Nom de l’organisation");
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("بيان مشترك بشأن المدافعين");
            browser.screenshot("sign-on-phone-arabic-statement-in-french");
        }
    }

    @Test
    void anArabicStatementIsShownRightToLeft() {
        String base = "http://localhost:" + port;
        UUID statement = Statements.open(new Http(base), "بيان مشترك", "ar", "نحث الحكومة على ما يلي");
        try (Browser browser = Browser.phone()) {
            WebDriver page = browser.driver();
            page.get(base + "/sign/" + statement);
            assertThat(page.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("بيان مشترك");
            browser.screenshot("sign-on-phone-arabic");
        }
    }
}
