package dev.marquee.app;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A running site and one headless chromium for a browser test class; both stop after the class. */
abstract class BrowserTestBase {
    @TempDir
    static Path data;
    static RunningMarquee site;
    static WebDriver browser;

    @BeforeAll
    static void startSiteAndBrowser() {
        site = new RunningMarquee(data);
        browser = Browsers.chromium();
    }

    @AfterAll
    static void stopSiteAndBrowser() {
        if (browser != null) browser.quit();
        if (site != null) site.close();
    }

    static WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds), Duration.ofMillis(200));
    }
}
