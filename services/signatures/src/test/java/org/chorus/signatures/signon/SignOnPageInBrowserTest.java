package org.chorus.signatures.signon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.testsupport.Browser;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
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

    /**
     * On a 390 px phone, in English and in Arabic (a statement with an Arabic translation): a link before the long text
     * jumps to the form, the organisation / individual choice fits one line, and a refused form opens at the first
     * field marked (focused, in view), with everything typed kept; without any script.
     */
    @Test
    void onAPhoneTheFormIsOneLinkAwayAndARefusalOpensAtTheMarkedField() {
        String base = "http://localhost:" + port;
        String english = "We urge the government to release all human rights defenders.\n\n".repeat(40);
        String arabic = "نحث الحكومة على الإفراج عن جميع المدافعين عن حقوق الإنسان.\n\n".repeat(40);
        UUID statement = Statements.open(new Http(base), "Release the defenders", "en", english);
        Statements.translate(statement, "ar", 1, "FINAL", "أطلقوا سراح المدافعين", arabic, "ab".repeat(32), false);
        for (String language : List.of("en", "ar")) {
            try (Browser browser = Browser.phone()) {
                WebDriver page = browser.driver();
                ((HasCdp) page)
                        .executeCdpCommand(
                                "Emulation.setDeviceMetricsOverride",
                                Map.<String, Object>of(
                                        "width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
                JavascriptExecutor script = (JavascriptExecutor) page;
                String url = base + "/sign/" + statement + "?lang=" + language;
                org.chorus.testsupport.Eventually.await(Statements.WAIT, () -> {
                    page.get(url);
                    assertThat(page.findElement(By.cssSelector(".text")).getText())
                            .startsWith(language.equals("ar") ? "نحث الحكومة" : "We urge");
                });
                assertThat((Long) script.executeScript("return document.documentElement.scrollWidth"))
                        .as("nothing wider than the phone")
                        .isLessThanOrEqualTo(390L);
                List<WebElement> kinds = page.findElements(By.cssSelector("nav.kinds a"));
                assertThat(kinds).hasSize(2);
                assertThat(kinds.get(0).getRect().getY())
                        .as("both choices on one line")
                        .isEqualTo(kinds.get(1).getRect().getY());
                for (WebElement kind : kinds) {
                    assertThat((Boolean) script.executeScript(
                                    "var s = getComputedStyle(arguments[0]);"
                                            + " return arguments[0].getBoundingClientRect().height"
                                            + " < parseFloat(s.lineHeight) * 2;",
                                    kind))
                            .as("each choice on a single line: " + kind.getText())
                            .isTrue();
                }
                browser.screenshot("sign-on-390-" + language);

                WebElement skip = page.findElement(By.cssSelector(".skip a"));
                assertThat(skip.getRect().getY())
                        .isLessThan(page.findElement(By.cssSelector(".text"))
                                .getRect()
                                .getY());
                skip.click();
                assertThat((Long) script.executeScript("return Math.round(window.scrollY)"))
                        .as("the link jumped past the text")
                        .isGreaterThan(1000L);

                page.findElement(By.id("name")).sendKeys("Lawyers for Lawyers");
                page.findElement(By.id("contactName")).sendKeys("Amina Diallo");
                page.findElement(By.id("email")).sendKeys("not-an-address");
                page.findElement(By.name("authorised")).click();
                browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form button[type=submit]")));

                assertThat(page.switchTo().activeElement().getAttribute("id"))
                        .as("the first field marked has the focus")
                        .isEqualTo("email");
                assertThat((Boolean) script.executeScript(
                                "var r = arguments[0].getBoundingClientRect();"
                                        + " return r.top >= 0 && r.bottom <= window.innerHeight;",
                                page.findElement(By.id("email"))))
                        .as("the page opens at the marked field, not at the top of the long text")
                        .isTrue();
                assertThat(page.findElement(By.id("name")).getAttribute("value"))
                        .isEqualTo("Lawyers for Lawyers");
                browser.screenshot("sign-on-390-" + language + "-refused");

                WebElement email = page.findElement(By.id("email"));
                email.clear();
                email.sendKeys("phone-" + language + "@example.org");
                browser.clickAndWaitForNextPage(page.findElement(By.cssSelector("form button[type=submit]")));
                assertThat(page.findElement(By.tagName("h1")).getText())
                        .isEqualTo(language.equals("ar") ? "تحقق من بريدك الإلكتروني" : "Check your e-mail");
                assertThat(page.findElement(By.tagName("main")).getText())
                        .contains(language.equals("ar") ? "أطلقوا سراح المدافعين" : "Release the defenders");
            }
        }
    }
}
