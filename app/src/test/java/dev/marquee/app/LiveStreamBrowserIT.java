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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
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
 * ffmpeg publishes as OBS does; the live page in headless chromium plays it (through mpegts.js, and through
 * hls.js where mpegts.js cannot stream) and counts its viewer; the home page's card shows a picture of it, and the
 * streamer's "Go live" page what OBS sends.
 */
class LiveStreamBrowserIT extends BrowserTestBase {

    @Test
    void theLivePagePlaysAStreamPublishedByFfmpegAndShowsTheViewerCount() throws Exception {
        String token = site.signUp("broadcaster");
        Process publisher = publish("broadcaster", token);
        try {
            browser.get(site.base() + "/live/broadcaster");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(200));
            JavascriptExecutor js = (JavascriptExecutor) browser;
            assertPlaysWhenLive(js, wait);
            wait.until(d -> d.findElement(By.id("live-viewers")).getText().equals("1 watching"));
            assertThat(site.call("GET", "/api/v1/live/broadcaster", null, null).json().get("viewers").asInt()).isEqualTo(1);

            // The streamer renames the stream while it runs: the open page follows, without a reload
            site.call("PUT", "/api/v1/live/title", Map.of("title", "Renamed on air"), token);
            wait.until(d -> d.findElement(By.id("live-title")).getText().equals("Renamed on air"));
            assertThat(browser.getTitle()).isEqualTo("Renamed on air · broadcaster · Marquee");
            // as if the page had been open two hours: "started …" follows the clock by itself, without a reload
            js.executeScript("document.getElementById('live-started-at').dateTime = new Date(Date.now() - 7_300_000).toISOString();");

            // The player's keys: k pauses (and the "Live" button offers to catch up), l jumps back to live, m unmutes.
            // The controls follow the media events, which fire a moment after the state changes: wait for them.
            js.executeScript("document.getElementById('live-player').focus();");
            new Actions(browser).sendKeys("k").perform();
            wait.until(d -> js.executeScript("return document.getElementById('video').paused;"));
            wait.until(d -> d.findElement(By.id("play-button")).getAttribute("aria-label").equals("Play (k)"));
            wait.until(d -> d.findElement(By.id("live-player")).getAttribute("class").contains("is-behind"));
            TimeUnit.MILLISECONDS.sleep(1500);
            new Actions(browser).sendKeys("l").perform();
            wait.until(d -> js.executeScript("const v = document.getElementById('video');"
                    + " return !v.paused && v.buffered.end(v.buffered.length - 1) - v.currentTime < 1.5;"));
            wait.until(d -> d.findElement(By.id("play-button")).getAttribute("aria-label").equals("Pause (k)"));
            new Actions(browser).sendKeys("m").perform();
            wait.until(d -> js.executeScript("return !document.getElementById('video').muted;"));
            wait.until(d -> d.findElement(By.id("mute-button")).getAttribute("aria-label").equals("Mute (m)"));
            // i floats the stream over other windows (picture in picture), and brings it back
            assertThat(browser.findElement(By.id("pip-button")).getDomProperty("hidden")).isEqualTo("false");
            new Actions(browser).sendKeys("i").perform();
            wait.until(d -> js.executeScript("return document.pictureInPictureElement === document.getElementById('video');"));
            wait.until(d -> d.findElement(By.id("live-player")).getAttribute("class").contains("is-pip"));
            new Actions(browser).sendKeys("i").perform();
            wait.until(d -> js.executeScript("return document.pictureInPictureElement === null;"));
            wait.until(d -> !d.findElement(By.id("live-player")).getAttribute("class").contains("is-pip"));

            new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(500))
                    .until(d -> d.findElement(By.id("live-started")).getText().equals("started 2 hours ago"));

            // The home page's card for the stream shows a picture of it once one is taken (the first within seconds).
            wait.until(d -> {
                d.get(site.base() + "/");
                return js.executeScript("const img = document.querySelector('.live-card a[href=\"/live/broadcaster\"] img.live-preview');"
                        + " return img && img.complete && img.naturalWidth === 640 && img.naturalHeight === 360;");
            });
        } finally {
            publisher.destroy();
            publisher.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anOfflineLivePageKeepsTheTitleOfTheNextStream() throws Exception {
        String token = site.signUp("planner");
        site.call("PUT", "/api/v1/live/title", Map.of("title", "Saturday speedrun"), token);
        browser.get(site.base() + "/live/planner");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(200));
        wait.until(d -> d.findElement(By.id("chat-state")).getText().isEmpty()); // the room is open: its status came
        TimeUnit.MILLISECONDS.sleep(500);
        assertThat(browser.findElement(By.id("live-title")).getText()).isEqualTo("Saturday speedrun");
        assertThat(browser.findElement(By.id("live-offline")).isDisplayed()).isTrue();
        Object separator = ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.getElementById('live-offline-note'), '::before').content;");
        assertThat(separator).as("no dot before \"Offline\" for the hidden items before it").isIn("none", "normal");
    }

    /** As on Twitch, a viewer follows from the stream's page, offline too, and hears when the channel goes live. */
    @Test
    void aViewerSubscribesFromTheLivePageAndIsToldWhenTheChannelGoesLive() throws Exception {
        String token = site.signUp("nightowl");
        site.signUp("follower");
        SocialFixtures.signInBrowser(site, browser, "follower");
        Process publisher = null;
        try {
            browser.get(site.base() + "/live/nightowl");
            WebElement subscribe = browser.findElement(By.id("subscribe-button"));
            wait(10).until(d -> "true".equals(subscribe.getAttribute("data-ready")) && subscribe.getText().equals("Subscribe"));
            subscribe.click();
            wait(10).until(d -> subscribe.getText().equals("Subscribed · 1"));

            publisher = publish("nightowl", token);
            By liveNotice = By.cssSelector(".notification[data-kind='live'] a[href='/live/nightowl']");
            new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(500)).until(d -> {
                d.get(site.base() + "/notifications");
                return !d.findElements(liveNotice).isEmpty();
            });
            assertThat(browser.findElement(liveNotice).findElement(By.className("notification-text")).getText())
                    .isEqualTo("nightowl is live: nightowl is live");
            browser.findElement(liveNotice).click();
            wait(10).until(d -> d.getCurrentUrl().equals(site.base() + "/live/nightowl"));
            wait(10).until(d -> d.findElement(By.id("subscribe-button")).getText().equals("Subscribed · 1"));
            assertThat(browser.findElement(By.id("subscribe-button")).getAttribute("aria-pressed")).isEqualTo("true");

            // the streamer's own page has nothing to subscribe to
            SocialFixtures.signInBrowser(site, browser, "nightowl");
            browser.get(site.base() + "/live/nightowl");
            assertThat(browser.findElements(By.id("subscribe-button"))).isEmpty();
        } finally {
            browser.manage().deleteAllCookies(); // the class's other tests watch as guests
            if (publisher != null) {
                publisher.destroy();
                publisher.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Live URLs are signed and expire; a page opened hours before the stream (or reconnecting after a drop) asks
     * for fresh ones rather than retrying a refused URL for ever. A token the media port refuses stands in for one
     * that has expired (the same 403). When the stream ends, the open page links its replay.
     */
    @Test
    void aPageWhoseUrlsHaveExpiredStillPlaysWhenTheStreamBegins() throws Exception {
        String token = site.signUp("latecomer");
        WebDriver stalePage = Browsers.chromium();
        Process publisher = null;
        try {
            // the page's URLs are spoilt before its script reads them, as hours of waiting would spoil them
            ((HasCdp) stalePage).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "document.addEventListener('readystatechange', () => {"
                            + " const d = document.getElementById('live-player')?.dataset; if (!d || d.spoilt) return;"
                            + " d.spoilt = 'yes'; d.flvUrl = d.flvUrl.replace(/token=[^&]*/, 'token=expired');"
                            + " d.hlsUrl = d.hlsUrl.replace(/token=[^&]*/, 'token=expired'); });"));
            stalePage.get(site.base() + "/live/latecomer");
            WebDriverWait wait = new WebDriverWait(stalePage, Duration.ofSeconds(40), Duration.ofMillis(200));
            JavascriptExecutor js = (JavascriptExecutor) stalePage;
            wait.until(d -> d.findElement(By.id("chat-state")).getText().isEmpty()); // the room is open
            String stale = (String) js.executeScript("return document.getElementById('live-player').dataset.flvUrl;");
            assertThat(stale).contains("token=expired");
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stale))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode()).as("the media port refuses the stale URL").isEqualTo(403);

            publisher = publish("latecomer", token);
            assertPlaysWhenLive(js, wait);
            assertThat((String) js.executeScript("return document.getElementById('live-player').dataset.flvUrl;"))
                    .doesNotContain("token=expired");

            // When the stream has ended and its replay is ready, the page links it, as Twitch links the VOD
            publisher.destroy();
            publisher.waitFor(10, TimeUnit.SECONDS);
            WebElement replay = new WebDriverWait(stalePage, Duration.ofSeconds(120), Duration.ofMillis(250)).until(d -> {
                List<WebElement> links = d.findElements(By.cssSelector("#live-offline #live-last-stream"));
                return links.isEmpty() || !links.getFirst().isDisplayed() ? null : links.getFirst();
            });
            assertThat(replay.findElement(By.className("live-last-label")).getDomProperty("textContent")).isEqualTo("Watch the replay");
            String replayTitle = replay.findElement(By.className("live-last-title")).getText();
            assertThat(replayTitle).startsWith("latecomer is live — ");
            replay.click();
            wait.until(d -> d.getCurrentUrl().matches(".*/watch/[A-Za-z0-9_-]+"));
            assertThat(stalePage.findElement(By.tagName("h1")).getText()).isEqualTo(replayTitle);
        } finally {
            stalePage.quit();
            if (publisher != null) {
                publisher.destroy();
                publisher.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** iOS Safari has Media Source (ManagedMediaSource) but no streamed fetch for mpegts.js: the page plays HLS. */
    @Test
    void whereMpegtsCannotStreamThePagePlaysTheLiveHlsThroughHlsJs() throws Exception {
        Process publisher = publish("hlscaster");
        WebDriver hlsBrowser = Browsers.chromium();
        try {
            // mpegts.js streams HTTP-FLV with fetch and ReadableStream; without the latter it reports no live playback
            ((HasCdp) hlsBrowser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                    Map.of("source", "delete window.ReadableStream;"));
            hlsBrowser.get(site.base() + "/live/hlscaster");
            WebDriverWait wait = new WebDriverWait(hlsBrowser, Duration.ofSeconds(40), Duration.ofMillis(200));
            JavascriptExecutor js = (JavascriptExecutor) hlsBrowser;
            assertPlaysWhenLive(js, wait);
            @SuppressWarnings("unchecked")
            List<String> fetched = (List<String>) js.executeScript(
                    "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname);");
            assertThat(fetched).as("what the page fetched").contains("/live/hlscaster/index.m3u8")
                    .anyMatch(path -> path.startsWith("/live/hlscaster/") && path.endsWith(".ts"))
                    .noneMatch(path -> path.endsWith(".flv"));
        } finally {
            hlsBrowser.quit();
            publisher.destroy();
            publisher.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theGoLivePageShowsWhatObsSendsOnceItStreams() throws Exception {
        String token = site.signUp("obsuser");
        WebDriver streamer = Browsers.chromium();
        Process publisher = null;
        try {
            streamer.get(site.base() + "/login");
            streamer.findElement(By.id("username")).sendKeys("obsuser");
            streamer.findElement(By.id("password")).sendKeys("correct horse");
            streamer.findElement(By.id("submit")).click();
            WebDriverWait wait = new WebDriverWait(streamer, Duration.ofSeconds(30), Duration.ofMillis(200));
            wait.until(d -> d.getCurrentUrl().equals(site.base() + "/"));
            streamer.get(site.base() + "/go-live");
            wait.until(d -> d.findElement(By.id("ingest-state")).getText().startsWith("Offline. Waiting for OBS"));
            assertThat(streamer.findElement(By.id("ingest-figures")).isDisplayed()).isFalse();
            assertThat(streamer.findElement(By.id("live-page-link")).getText()).isEqualTo("Your live page");

            publisher = publish("obsuser", token);
            wait.until(d -> d.findElement(By.id("ingest-state")).getText().startsWith("Live: OBS is sending."));
            // the page was rendered offline: its head's link follows the stream without a reload
            wait.until(d -> d.findElement(By.id("live-page-link")).getText().equals("You are live: open your live page"));
            assertThat(streamer.findElement(By.id("live-page-dot")).isDisplayed()).isTrue();
            wait.until(d -> d.findElement(By.id("ingest-video")).getText().matches("H\\.264, 640×360, (29|30|31) fps"));
            assertThat(streamer.findElement(By.id("ingest-audio")).getText()).isEqualTo("AAC");
            assertThat(streamer.findElement(By.id("ingest-bitrate")).getText()).matches("\\d+(\\.\\d)? [kM]b/s");
            wait.until(d -> d.findElement(By.id("ingest-keyframes")).getText().equals("every 1.0 s"));
            // a title typed once OBS streams is the live stream's at once
            WebElement title = streamer.findElement(By.id("stream-title"));
            title.clear();
            title.sendKeys("Named after the start");
            streamer.findElement(By.id("save-title")).click();
            wait.until(d -> d.findElement(By.id("title-status")).getText()
                    .equals("Saved. Your viewers see the new title now; your next streams keep it."));
            assertThat(site.call("GET", "/api/v1/live/obsuser", null, null).json().get("title").asString()).isEqualTo("Named after the start");
            assertThat(streamer.findElement(By.id("ingest-warnings")).isDisplayed()).as("nothing to fix").isFalse();
            JavascriptExecutor js = (JavascriptExecutor) streamer;
            wait.until(d -> js.executeScript("const img = document.getElementById('ingest-preview');"
                    + " return !img.hidden && img.complete && img.naturalWidth === 640;"));
            Path shot = ((TakesScreenshot) streamer).getScreenshotAs(OutputType.FILE).toPath();
            Files.createDirectories(Path.of("target", "screenshots"));
            Files.copy(shot, Path.of("target", "screenshots", "go-live-streaming.png"), StandardCopyOption.REPLACE_EXISTING);

            // OBS drops: the page says viewers are waiting for it, then, once the grace is over, offline again
            publisher.destroy();
            publisher.waitFor(10, TimeUnit.SECONDS);
            wait.until(d -> d.findElement(By.id("ingest-state")).getText().startsWith("OBS disconnected."));
            assertThat(streamer.findElement(By.id("ingest-figures")).isDisplayed()).isFalse();
            new WebDriverWait(streamer, Duration.ofSeconds(30), Duration.ofMillis(200))
                    .until(d -> d.findElement(By.id("ingest-state")).getText().startsWith("Offline. Waiting for OBS"));
            assertThat(streamer.findElement(By.id("live-page-link")).getText()).isEqualTo("Your live page");
            assertThat(streamer.findElement(By.id("live-page-dot")).isDisplayed()).isFalse();

            // The stream is listed among the streamer's past streams: how long it ran, nobody watched
            streamer.get(site.base() + "/go-live");
            List<WebElement> cells = streamer.findElements(By.cssSelector("#past-streams tbody tr td"));
            assertThat(streamer.findElements(By.cssSelector("#past-streams tbody tr"))).hasSize(1);
            assertThat(cells.get(0).getText()).as("the stream's last title").isEqualTo("Named after the start");
            assertThat(cells.get(2).getText()).matches("[0-2]:[0-5]\\d");
            assertThat(cells.get(3).getText()).isEqualTo("0");
            assertThat(cells.get(4).getText()).isIn("—", "Processing…", "Watch");
            ((JavascriptExecutor) streamer).executeScript("document.getElementById('past-streams').scrollIntoView();");
            Files.copy(((TakesScreenshot) streamer).getScreenshotAs(OutputType.FILE).toPath(),
                    Path.of("target", "screenshots", "go-live-past-streams.png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            streamer.quit();
            if (publisher != null) {
                publisher.destroy();
                publisher.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The page turns live by itself; once played (muted, as autoplay allows), its video time advances. */
    private static void assertPlaysWhenLive(JavascriptExecutor js, WebDriverWait wait) {
        wait.until(d -> d.findElement(By.id("live-badge")).isDisplayed());
        js.executeScript("const v = document.getElementById('video'); v.muted = true; v.play().catch(() => {});");
        double first = ((Number) wait.until(d -> js.executeScript(
                "const v = document.getElementById('video'); return v.currentTime > 0.3 ? v.currentTime : null;"))).doubleValue();
        double later = ((Number) wait.until(d -> js.executeScript(
                "const v = document.getElementById('video'); return v.currentTime > " + (first + 1.5) + " ? v.currentTime : null;"))).doubleValue();
        assertThat(later).isGreaterThan(first + 1.5);
    }

    /** ffmpeg as OBS sends: H.264 and AAC over RTMP with a new user's stream key, 40 s of a test pattern. */
    private static Process publish(String username) throws Exception {
        return publish(username, site.signUp(username));
    }

    private static Process publish(String username, String token) throws Exception {
        String key = site.call("GET", "/api/v1/live/key", null, token).json().get("streamKey").asString();
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning",
                "-re", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30", "-re", "-f", "lavfi", "-i", "sine",
                "-t", "40", "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "30",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-f", "flv",
                "rtmp://127.0.0.1:" + site.rtmpPort + "/live/" + key));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(data.resolve(username + "-publisher.log").toFile()).start();
    }
}
