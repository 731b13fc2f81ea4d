package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person in headless chromium registers, uploads a clip through the page, waits for it to be
 * ready and plays it at adaptive quality.
 */
class WatchPageBrowserIT extends BrowserTestBase {
    @TempDir
    static Path clips;

    @Test
    void registerUploadWaitAndWatch() throws Exception {
        Path clip = Clips.make(clips, "my-holiday.mp4", 1280, 720, 5, true);
        browser.get(site.base() + "/register");
        browser.findElement(By.id("username")).sendKeys("viewer");
        browser.findElement(By.id("password")).sendKeys("a good password");
        browser.findElement(By.id("submit")).click();
        wait(20).until(d -> d.getCurrentUrl().equals(site.base() + "/"));

        browser.get(site.base() + "/upload");
        browser.findElement(By.id("file")).sendKeys(clip.toString());
        WebElement title = browser.findElement(By.id("title"));
        title.clear();
        title.sendKeys("Holiday in the test pattern");
        browser.findElement(By.id("upload-button")).click();
        wait(60).until(d -> d.findElement(By.id("upload-percent")).getText().trim().equals("100%"));

        browser.get(site.base() + "/my/videos");
        String id = wait(20).until(d -> d.findElements(By.cssSelector("[data-video-id]")).stream()
                .map(e -> e.getAttribute("data-video-id")).findFirst().orElse(null));
        wait(180).until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("[data-video-id='" + id + "'] .state"));
            return !rows.isEmpty() && rows.getFirst().getText().toLowerCase().contains("ready");
        });

        browser.get(site.base() + "/watch/" + id);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Holiday in the test pattern");
        assertThat(browser.findElement(By.cssSelector("meta[property='og:title']")).getAttribute("content"))
                .isEqualTo("Holiday in the test pattern");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("const v = document.querySelector('video'); v.muted = true; v.play();");
        double start = ((Number) wait(30).until(d -> js.executeScript(
                "const v = document.querySelector('video'); return v.currentTime > 0.2 ? v.currentTime : null;"))).doubleValue();
        double later = ((Number) wait(30).until(d -> js.executeScript(
                "const v = document.querySelector('video'); return v.currentTime > " + (start + 1.0) + " ? v.currentTime : null;"))).doubleValue();
        assertThat(later).isGreaterThan(start + 1.0);

        // The player's keys and buttons: k pauses, the left arrow goes back 5 s, the mute button and m toggle sound.
        // The controls follow the media events, which fire a moment after the state changes: wait for them.
        js.executeScript("document.getElementById('player').focus();");
        new Actions(browser).sendKeys("k").perform();
        wait(10).until(d -> js.executeScript("return document.querySelector('video').paused;"));
        wait(10).until(d -> d.findElement(By.id("play-button")).getAttribute("aria-label").equals("Play (k)"));
        double paused = ((Number) js.executeScript("return document.querySelector('video').currentTime;")).doubleValue();
        new Actions(browser).sendKeys(org.openqa.selenium.Keys.ARROW_LEFT).perform();
        wait(10).until(d -> ((Number) js.executeScript("return document.querySelector('video').currentTime;")).doubleValue()
                <= Math.max(0, paused - 5) + 0.01);
        browser.findElement(By.id("mute-button")).click();
        wait(10).until(d -> js.executeScript("return !document.querySelector('video').muted;"));
        wait(10).until(d -> d.findElement(By.id("mute-button")).getAttribute("aria-label").equals("Mute (m)"));
        js.executeScript("document.getElementById('player').focus();");
        new Actions(browser).sendKeys("m").perform();
        wait(10).until(d -> js.executeScript("return document.querySelector('video').muted;"));
        new Actions(browser).sendKeys("k").perform();
        wait(10).until(d -> js.executeScript("return !document.querySelector('video').paused;"));
        // The picture-in-picture button floats the video over other windows; i brings it back.
        browser.findElement(By.id("pip-button")).click();
        wait(10).until(d -> js.executeScript("return document.pictureInPictureElement === document.querySelector('video');"));
        js.executeScript("document.getElementById('player').focus();");
        new Actions(browser).sendKeys("i").perform();
        wait(10).until(d -> js.executeScript("return document.pictureInPictureElement === null;"));

        // The quality menu lists every rung and Auto.
        browser.findElement(By.id("quality-button")).click();
        String menu = browser.findElement(By.id("quality-menu")).getText();
        assertThat(menu).contains("Auto", "720p", "360p");
        new Actions(browser).sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();

        // Playback speed: the menu, then > and < step through the speeds; 5 goes halfway into the video.
        browser.findElement(By.id("speed-button")).click();
        browser.findElement(By.cssSelector("#speed-menu button[data-value='1.5']")).click();
        wait(5).until(d -> js.executeScript("return document.querySelector('video').playbackRate === 1.5;"));
        assertThat(browser.findElement(By.id("speed-button")).getText()).isEqualTo("1.5×");
        assertThat(browser.findElement(By.id("speed-menu")).isDisplayed()).isFalse();
        js.executeScript("document.getElementById('player').focus();");
        new Actions(browser).sendKeys(">").perform();
        wait(5).until(d -> js.executeScript("return document.querySelector('video').playbackRate === 2;"));
        new Actions(browser).sendKeys("<").sendKeys("<").sendKeys("<").perform();
        wait(5).until(d -> js.executeScript("return document.querySelector('video').playbackRate === 1;"));
        assertThat(browser.findElement(By.id("speed-button")).getText()).isEqualTo("1×");
        js.executeScript("document.querySelector('video').pause();");
        new Actions(browser).sendKeys("5").perform();
        wait(5).until(d -> Math.abs(((Number) js.executeScript("const v = document.querySelector('video');"
                + " return v.currentTime - v.duration / 2;")).doubleValue()) < 0.1);

        // Hovering the seek bar shows a storyboard thumbnail.
        WebElement seek = browser.findElement(By.id("seek"));
        new Actions(browser).moveToElement(seek, seek.getSize().getWidth() / 4, 0).perform();
        WebElement preview = wait(10).until(d -> {
            WebElement p = d.findElement(By.id("seek-preview"));
            return p.isDisplayed() ? p : null;
        });
        assertThat(String.valueOf(js.executeScript(
                "return [...arguments[0].querySelectorAll('*'), arguments[0]].map(e => getComputedStyle(e).backgroundImage).join(' ')",
                preview))).contains("sprite");

        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "screenshots", "watch.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isGreaterThan(10_000);

        assertTheShareBoxLinksToTheMoment(js, id);
        assertAPageWithAnExpiredUrlStillPlays(id);
    }

    /** As on YouTube, a longer video left half-watched resumes where this browser left it, with a way to start over. */
    @Test
    void aLongerVideoResumesWhereThisBrowserLeftIt() throws Exception {
        String token = site.signUp("resumer");
        String id = SocialFixtures.readyVideo(site, clips, token, "Long enough to resume", "public", 32);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        browser.get(site.base() + "/watch/" + id);
        assertThat(browser.findElement(By.id("resume-notice")).isDisplayed()).isFalse();
        js.executeScript("const v = document.querySelector('video'); v.muted = true; v.play().catch(() => {});");
        wait(30).until(d -> js.executeScript("return document.querySelector('video').currentTime > 0.2;"));
        js.executeScript("const v = document.querySelector('video'); v.currentTime = 12.5;");
        wait(10).until(d -> js.executeScript("const v = document.querySelector('video'); return !v.seeking && v.currentTime >= 12.5;"));
        js.executeScript("document.querySelector('video').pause();");

        browser.navigate().refresh();
        WebElement notice = wait(10).until(d -> {
            WebElement n = d.findElement(By.id("resume-notice"));
            return n.isDisplayed() ? n : null;
        });
        assertThat(notice.getText()).startsWith("Resuming at 0:12");
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target", "screenshots", "watch-resume.png"), StandardCopyOption.REPLACE_EXISTING);
        js.executeScript("const v = document.querySelector('video'); v.muted = true; v.play().catch(() => {});");
        double first = ((Number) wait(30).until(d -> js.executeScript(
                "const v = document.querySelector('video'); return v.currentTime > 0.2 ? v.currentTime : null;"))).doubleValue();
        assertThat(first).as("where playback resumed").isGreaterThanOrEqualTo(11.9);

        browser.findElement(By.id("resume-restart")).click();
        wait(10).until(d -> js.executeScript("const v = document.querySelector('video'); return !v.seeking && v.currentTime < 3;"));
        assertThat(notice.isDisplayed()).isFalse();
        js.executeScript("document.querySelector('video').pause();");
        browser.navigate().refresh();
        Thread.sleep(500);
        assertThat(browser.findElement(By.id("resume-notice")).isDisplayed()).as("nothing to resume after starting over").isFalse();
    }

    /** Share gives the page's link, from where the viewer is when asked; the link starts playback there. */
    private static void assertTheShareBoxLinksToTheMoment(JavascriptExecutor js, String id) {
        js.executeScript("const v = document.querySelector('video'); v.pause(); v.currentTime = 2.4;");
        wait(10).until(d -> js.executeScript("const v = document.querySelector('video'); return v.paused && !v.seeking"
                + " && Math.abs(v.currentTime - 2.4) < 0.05;"));
        browser.findElement(By.id("share-button")).click();
        WebElement link = browser.findElement(By.id("share-link"));
        wait(5).until(d -> link.isDisplayed());
        assertThat(link.getDomProperty("value")).endsWith("/watch/" + id);
        assertThat(browser.findElement(By.id("share-start-time")).getText()).isEqualTo("0:02");
        browser.findElement(By.id("share-start")).click();
        assertThat(link.getDomProperty("value")).endsWith("/watch/" + id + "?t=2");
        browser.findElement(By.id("share-copy")).click();
        wait(5).until(d -> d.findElement(By.id("share-status")).getText().equals("Link copied"));

        for (String at : List.of("?t=2", "?t=0m2s")) {
            browser.get(site.base() + "/watch/" + id + at);
            js.executeScript("const v = document.querySelector('video'); v.muted = true; v.play().catch(() => {});");
            double first = ((Number) wait(30).until(d -> js.executeScript(
                    "const v = document.querySelector('video'); return v.currentTime > 0.2 ? v.currentTime : null;"))).doubleValue();
            assertThat(first).as("where %s starts playback", at).isGreaterThanOrEqualTo(1.9);
        }
    }

    /**
     * Video URLs are signed and expire: a page restored long after it was served (or paused overnight) asks for a
     * fresh URL and plays, rather than telling the viewer to reload. A token the media port refuses stands in for
     * one that has expired (the same 403).
     */
    private static void assertAPageWithAnExpiredUrlStillPlays(String id) throws Exception {
        WebDriver stalePage = Browsers.chromium();
        try {
            // the page's URL is spoilt before its script reads it, as a day in a background tab would spoil it
            ((HasCdp) stalePage).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "document.addEventListener('readystatechange', () => {"
                            + " const d = document.getElementById('player')?.dataset; if (!d || d.spoilt) return;"
                            + " d.spoilt = 'yes'; d.hlsUrl = d.hlsUrl.replace(/\\/vod\\/[^/]+\\//, '/vod/expired/'); });"));
            stalePage.get(site.base() + "/watch/" + id);
            JavascriptExecutor js = (JavascriptExecutor) stalePage;
            String stale = (String) js.executeScript("return document.getElementById('player').dataset.hlsUrl;");
            assertThat(stale).contains("/vod/expired/");
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stale)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).as("the media port refuses the stale URL").isEqualTo(403);

            js.executeScript("const v = document.querySelector('video'); v.muted = true; v.play().catch(() => {});");
            WebDriverWait wait = new WebDriverWait(stalePage, Duration.ofSeconds(30), Duration.ofMillis(200));
            double start = ((Number) wait.until(d -> js.executeScript(
                    "const v = document.querySelector('video'); return v.currentTime > 0.2 ? v.currentTime : null;"))).doubleValue();
            wait.until(d -> ((Number) js.executeScript("return document.querySelector('video').currentTime;")).doubleValue()
                    > start + 1.0);
            assertThat(stalePage.findElement(By.id("player-error")).isDisplayed()).isFalse();
        } finally {
            stalePage.quit();
        }
    }
}
