package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.server.spi.PublishAuthorizer;
import dev.marquee.media.server.spi.StreamLifecycleListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A streamer in headless chromium sets up OBS from the Go live page; a viewer's live page waits while
 * the channel is offline, turns live by itself when the media plane says so, and goes back offline.
 */
class LivePageBrowserIT extends BrowserTestBase {

    @Test
    void aStreamerSetsUpAndViewersSeeTheChannelGoLiveAndOffline() throws Exception {
        browser.get(site.base() + "/register");
        browser.findElement(By.id("username")).sendKeys("streamer");
        browser.findElement(By.id("password")).sendKeys("a good password");
        browser.findElement(By.id("submit")).click();
        wait(20).until(d -> d.getCurrentUrl().equals(site.base() + "/"));

        // Go live: the server URL is there, the key only once asked for.
        browser.findElement(By.cssSelector("a[href='/go-live']")).click();
        wait(10).until(d -> d.getCurrentUrl().endsWith("/go-live"));
        assertThat(browser.findElement(By.id("ingest-url")).getAttribute("value")).matches("rtmp://127\\.0\\.0\\.1:\\d+/live");
        WebElement key = browser.findElement(By.id("stream-key"));
        assertThat(key.getAttribute("type")).isEqualTo("password");
        assertThat(key.getAttribute("value")).isEmpty();
        browser.findElement(By.id("reveal-key")).click();
        wait(10).until(d -> key.getAttribute("type").equals("text") && key.getAttribute("value").startsWith("live_"));
        String first = key.getAttribute("value");
        PublishAuthorizer authorizer = site.context.getBean(PublishAuthorizer.class);
        assertThat(authorizer.authorizePublish("live", first)).contains("streamer");

        browser.findElement(By.id("copy-key")).click();
        wait(10).until(d -> !d.findElement(By.id("key-status")).getText().isBlank() || !d.findElement(By.id("key-error")).getText().isBlank());

        // Resetting asks first, then shows the new key; the old one no longer publishes.
        browser.findElement(By.id("rotate-key")).click();
        wait(5).until(ExpectedConditions.alertIsPresent()).accept();
        wait(10).until(d -> !key.getAttribute("value").equals(first));
        assertThat(authorizer.authorizePublish("live", key.getAttribute("value"))).contains("streamer");
        assertThat(authorizer.authorizePublish("live", first)).isEmpty();

        WebElement title = browser.findElement(By.id("stream-title"));
        title.sendKeys("Painting <b>clouds</b>");
        browser.findElement(By.id("save-title")).click();
        wait(10).until(d -> d.findElement(By.id("title-status")).getText().contains("Saved"));

        // Replays are saved until the streamer turns them off; the page remembers.
        WebElement replays = browser.findElement(By.id("save-replays"));
        assertThat(replays.isSelected()).isTrue();
        replays.click();
        wait(10).until(d -> d.findElement(By.id("replays-status")).getText().contains("will not be kept"));
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("save-replays")).isSelected()).isFalse();
        assertThat(browser.findElement(By.id("stream-title")).getAttribute("value")).isEqualTo("Painting <b>clouds</b>");
        screenshot("go-live.png");

        // The live page waits while the channel is offline.
        browser.get(site.base() + "/live/streamer");
        assertThat(browser.findElement(By.id("live-offline")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("live-offline")).getText()).contains("streamer is offline");
        assertThat(browser.findElement(By.id("live-badge")).isDisplayed()).isFalse();

        StreamLifecycleListener lifecycle = site.context.getBean(StreamLifecycleListener.class);
        lifecycle.streamStarted("streamer");
        lifecycle.viewersChanged("streamer", 4);
        wait(15).until(d -> d.findElement(By.id("live-badge")).isDisplayed());
        assertThat(browser.findElement(By.id("live-offline")).isDisplayed()).isFalse();
        // the page may have asked between the start and the count: the count follows on its next look
        wait(15).until(d -> d.findElement(By.id("live-viewers")).getText().equals("4 watching"));
        assertThat(browser.findElement(By.id("live-title")).getText()).isEqualTo("Painting <b>clouds</b>");
        assertThat(browser.findElement(By.id("live-player")).getAttribute("class")).contains("is-live");
        lifecycle.viewersChanged("streamer", 12);
        wait(15).until(d -> d.findElement(By.id("live-viewers")).getText().equals("12 watching"));
        screenshot("live.png");

        // Leaving a page that is busy with a live player, a chromedriver get() can return before the navigation.
        String home = site.base() + "/";
        WebElement liveNow = wait(15).until(d -> {
            if (!d.getCurrentUrl().equals(home)) d.get(home);
            return d.findElements(By.cssSelector(".live-now")).stream().findFirst().orElse(null);
        });
        assertThat(liveNow.getText()).contains("Live now", "Painting <b>clouds</b>", "streamer", "12 watching");
        screenshot("home-live.png");

        browser.get(site.base() + "/live/streamer");
        lifecycle.streamEnded("streamer");
        wait(15).until(d -> d.findElement(By.id("live-offline")).isDisplayed());
        assertThat(browser.findElement(By.id("live-badge")).isDisplayed()).isFalse();
    }

    private static void screenshot(String name) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
