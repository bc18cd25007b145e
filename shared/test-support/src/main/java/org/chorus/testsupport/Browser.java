package org.chorus.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, with both paths given so that nothing is downloaded.
 * Install with {@code apt-get install chromium chromium-driver} ({@code .ci/run} does). Screenshots go to
 * {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of(System.getProperty("chorus.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("chorus.chromedriver", "/usr/bin/chromedriver"));

    private final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A fresh headless browser with a phone-sized or desktop window. */
    public static Browser start(int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Chromium not found at " + CHROMIUM + " / " + CHROMEDRIVER
                    + ": apt-get install chromium chromium-driver");
        }
        try {
            Path profile = Files.createTempDirectory("chorus-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-quic",
                    "--no-first-run",
                    "--lang=en",
                    "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Browser phone() {
        return start(412, 915);
    }

    public static Browser desktop() {
        return start(1280, 900);
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Clicks something that loads a new page (a submit button, a link) and waits until the browser has replaced the
     * current page, so that what is read next is the answer and not the page it came from.
     */
    public void clickAndWaitForNextPage(WebElement element) {
        WebElement current = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(replaced(current));
    }

    /**
     * True once the element's page has been replaced. Chromium sometimes answers "Node with given id does not belong
     * to the document" instead of "stale element" while the old document goes away (SeleniumHQ/selenium#15401);
     * both mean the same here.
     */
    public static ExpectedCondition<Boolean> replaced(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("with given id")) {
                    return true;
                }
                throw e;
            }
        };
    }

    /** Saves a PNG of the current page as {@code target/screenshots/<name>.png} and returns its path. */
    public Path screenshot(String name) {
        try {
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
