package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two people in two headless chromium sessions watch one video: a danmaku sent in one appears over the other's
 * picture within a second; the classic XSS payloads show as text and run nothing; settings survive a reload.
 */
class DanmakuBrowserIT {
    @TempDir
    static Path data;
    @TempDir
    static Path clips;
    static RunningMarquee site;
    static WebDriver alice;
    static WebDriver bob;
    static String aliceToken;
    static String bobToken;
    static String video;

    static final List<String> XSS = List.of(
            "<script>window.__xss=1</script>",
            "<img src=x onerror=\"window.__xss=2\">",
            "<svg onload=window.__xss=3>",
            "\"><iframe src=javascript:window.__xss=4>",
            "javascript:window.__xss=5//");

    @BeforeAll
    static void start() throws Exception {
        site = new RunningMarquee(data);
        aliceToken = site.signUp("alice");
        bobToken = site.signUp("bob");
        Path clip = Clips.make(clips, "talk.mp4", 640, 360, 40, true);
        var created = site.call("POST", "/api/v1/videos", Map.of("title", "Danmaku night", "visibility", "public"), aliceToken);
        video = created.json().get("id").asString();
        new TusUpload(aliceToken).send(created.json().get("upload").asString(), clip, 1 << 20);
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!site.call("GET", "/api/v1/videos/" + video, null, aliceToken).json().get("state").asString().equals("ready")) {
            if (System.nanoTime() > deadline) throw new AssertionError("the clip was not ready in time");
            Thread.sleep(500);
        }
        alice = signIn("alice");
        bob = signIn("bob");
    }

    @AfterAll
    static void stop() {
        if (alice != null) alice.quit();
        if (bob != null) bob.quit();
        if (site != null) site.close();
    }

    static WebDriver signIn(String username) {
        WebDriver b = Browsers.chromium();
        b.get(site.base() + "/login");
        b.findElement(By.id("username")).sendKeys(username);
        b.findElement(By.id("password")).sendKeys("correct horse");
        b.findElement(By.id("submit")).click();
        wait(b, 20).until(d -> !d.getCurrentUrl().contains("/login"));
        return b;
    }

    static WebDriverWait wait(WebDriver b, int seconds) {
        return new WebDriverWait(b, Duration.ofSeconds(seconds), Duration.ofMillis(50));
    }

    static Object js(WebDriver b, String script, Object... args) {
        return ((JavascriptExecutor) b).executeScript(script, args);
    }

    /** Opens the video, waits until the room socket is in, and plays it muted from the start. */
    static void watch(WebDriver b) {
        b.get(site.base() + "/watch/" + video);
        wait(b, 20).until(d -> "open".equals(d.findElement(By.id("player")).getAttribute("data-danmaku-socket")));
        js(b, "const v = document.querySelector('video'); v.muted = true; v.currentTime = 0; v.play();");
        wait(b, 30).until(d -> (Boolean) js(d, "return document.querySelector('video').currentTime > 0.3"));
    }

    /** Records, in the page, when a danmaku with this text first appears on its overlay. */
    static void watchFor(WebDriver b, String text) {
        js(b, """
                window.__seen = window.__seen || {};
                const text = arguments[0];
                const layer = document.querySelector('.danmaku-layer');
                new MutationObserver(() => {
                  if (!window.__seen[text] && [...layer.querySelectorAll('.danmaku-item')].some(e => e.textContent === text))
                    window.__seen[text] = Date.now();
                }).observe(layer, { childList: true });
                """, text);
    }

    static long count(WebDriver b, String text) {
        return ((Number) js(b, "return [...document.querySelectorAll('.danmaku-layer .danmaku-item')]"
                + ".filter(e => e.textContent === arguments[0]).length", text)).longValue();
    }

    @Test
    void aDanmakuSentInOneBrowserAppearsInTheOtherWithinASecondAndXssShowsAsText() throws Exception {
        watch(alice);
        watch(bob);
        String hello = "hello bob, from alice";
        watchFor(bob, hello);
        watchFor(alice, hello);
        alice.findElement(By.id("danmaku-text")).sendKeys(hello);
        long sentAt = ((Number) js(alice, "const at = Date.now(); document.getElementById('danmaku-send').click(); return at;")).longValue();
        long seenAt = ((Number) wait(bob, 5).until(d -> js(d, "return window.__seen[arguments[0]] || null", hello))).longValue();
        System.out.println("danmaku delivery from one browser to the other: " + (seenAt - sentAt) + " ms");
        assertThat(seenAt - sentAt).as("delivery to the other browser, ms").isLessThan(1000);
        wait(alice, 5).until(d -> js(d, "return window.__seen[arguments[0]] || null", hello));
        Thread.sleep(800);
        assertThat(count(alice, hello)).as("the sender sees its own danmaku once").isEqualTo(1);
        assertThat(alice.findElement(By.id("danmaku-text")).getAttribute("value")).isEmpty();

        // The classic payloads, through the page's own input bar and through the API, arrive as plain text.
        for (String payload : XSS) watchFor(alice, payload);
        bob.findElement(By.id("danmaku-text")).sendKeys(XSS.getFirst());
        bob.findElement(By.id("danmaku-send")).click();
        for (String payload : XSS.subList(1, XSS.size())) {
            var r = site.call("POST", "/api/v1/videos/" + video + "/danmaku", Map.of("time", 1, "text", payload, "mode", "top"), bobToken);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        for (String payload : XSS) wait(alice, 5).until(d -> js(d, "return window.__seen[arguments[0]] || null", payload));
        assertSafe(alice);

        // After a reload they come back from the stored slice, in time with playback, still as text.
        bob.navigate().refresh();
        watch(bob);
        for (String payload : XSS) watchFor(bob, payload);
        js(bob, "document.querySelector('video').currentTime = 0.5");
        for (String payload : XSS) wait(bob, 10).until(d -> js(d, "return window.__seen[arguments[0]] || null", payload));
        assertSafe(bob);
        screenshot(bob, "danmaku.png");
    }

    static void screenshot(WebDriver b, String name) throws java.io.IOException {
        Path shot = ((org.openqa.selenium.TakesScreenshot) b).getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath();
        Path target = Path.of("target", "screenshots", name);
        java.nio.file.Files.createDirectories(target.getParent());
        java.nio.file.Files.copy(shot, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static void assertSafe(WebDriver b) {
        assertThat(js(b, "return window.__xss === undefined")).isEqualTo(true);
        assertThat(((Number) js(b, "return document.querySelectorAll('.danmaku-layer script, .danmaku-layer img, "
                + ".danmaku-layer svg, .danmaku-layer iframe').length")).intValue()).isZero();
    }

    @Test
    void danmakuPauseWithTheVideoAndFollowItsPlaybackRate() throws Exception {
        watch(bob);
        watchFor(bob, "frozen in time");
        site.call("POST", "/api/v1/videos/" + video + "/danmaku", Map.of("time", 20, "text", "frozen in time"), aliceToken);
        wait(bob, 5).until(d -> js(d, "return window.__seen['frozen in time'] || null"));
        Thread.sleep(300);
        js(bob, "document.querySelector('video').pause()");
        Thread.sleep(200);
        String before = transformOf(bob, "frozen in time");
        Thread.sleep(700);
        assertThat(transformOf(bob, "frozen in time")).isEqualTo(before);
        js(bob, "document.querySelector('video').play()");
        wait(bob, 5).until(d -> !before.equals(transformOf(d, "frozen in time")));

        // They follow playbackRate: at 2x they cross about twice as fast.
        double normal = travel(bob, "frozen in time", 1);
        double doubled = travel(bob, "frozen in time", 2);
        assertThat(doubled / normal).as("speed at 2x over speed at 1x").isBetween(1.5, 2.6);
    }

    /** Pixels a danmaku moves left in 600 ms of wall time at this playback rate. */
    static double travel(WebDriver b, String text, double rate) throws InterruptedException {
        js(b, "document.querySelector('video').playbackRate = arguments[0]", rate);
        Thread.sleep(150);
        double x0 = xOf(b, text);
        Thread.sleep(600);
        return x0 - xOf(b, text);
    }

    static double xOf(WebDriver b, String text) {
        String t = transformOf(b, text);
        return Double.parseDouble(t.substring(t.indexOf('(') + 1, t.indexOf("px")));
    }

    @Test
    void aPageSocketIsSignedInByTheSiteCookieAndMayPostOnIt() {
        bob.get(site.base() + "/watch/" + video);
        Object answer = ((JavascriptExecutor) bob).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const ws = new WebSocket(`ws://${location.host}/ws/videos/${arguments[0]}`);
                ws.onopen = () => ws.send('{"type":"ping"}');
                ws.onmessage = (e) => {
                  const f = JSON.parse(e.data);
                  if (f.type === 'pong') ws.send(JSON.stringify({ type: 'danmaku', time: 4, text: 'over the cookie socket' }));
                  else if (f.type === 'danmaku' || f.type === 'error') { ws.close(); done(e.data); }
                };
                setTimeout(() => done('timeout'), 8000);
                """, video);
        assertThat(String.valueOf(answer)).contains("\"type\":\"danmaku\"").contains("over the cookie socket");
    }

    @Test
    void aFloodIsLaidInLanesWithoutOverlapDropsWhatDoesNotFitAndASeekClearsTheScreen() throws Exception {
        long videoId = dev.marquee.platform.id.PublicId.decode(video).orElseThrow();
        long aliceId = dev.marquee.platform.id.PublicId.decode(
                site.call("GET", "/api/v1/users/me", null, aliceToken).json().get("id").asString()).orElseThrow();
        List<dev.marquee.platform.danmaku.TimedMessage> flood = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++)
            flood.add(new dev.marquee.platform.danmaku.TimedMessage(aliceId, 25 + i / 300.0, "flood " + i, java.time.Instant.now()));
        site.context.getBean(dev.marquee.platform.danmaku.DanmakuArchive.class).addAll(videoId, flood);

        watch(bob);
        js(bob, "document.querySelector('video').currentTime = 24.5");
        wait(bob, 15).until(d -> (Boolean) js(d, "return document.querySelector('video').currentTime > 26.5"));
        long onScreen = ((Number) js(bob, "return [...document.querySelectorAll('.danmaku-layer .danmaku-item')]"
                + ".filter(e => e.textContent.startsWith('flood ')).length")).longValue();
        assertThat(onScreen).as("flood danmaku on screen").isPositive().isLessThan(300);
        Object overlaps = js(bob, """
                const rects = [...document.querySelectorAll('.danmaku-layer .danmaku-item')].map(e => e.getBoundingClientRect());
                const lanes = {};
                for (const r of rects) (lanes[Math.round(r.top)] ??= []).push(r);
                let overlaps = 0;
                for (const lane of Object.values(lanes)) {
                  lane.sort((a, b) => a.left - b.left);
                  for (let i = 1; i < lane.length; i++) if (lane[i].left < lane[i - 1].right) overlaps++;
                }
                return overlaps;
                """);
        assertThat(((Number) overlaps).intValue()).as("danmaku overlapping in a lane").isZero();

        js(bob, "document.querySelector('video').currentTime = 35");
        wait(bob, 5).until(d -> ((Number) js(d, "return document.querySelectorAll('.danmaku-layer .danmaku-item').length")).intValue() == 0);
    }

    static String transformOf(WebDriver b, String text) {
        return String.valueOf(js(b, "const e = [...document.querySelectorAll('.danmaku-layer .danmaku-item')]"
                + ".find(e => e.textContent === arguments[0]); return e ? e.style.transform : 'gone'", text));
    }

    @Test
    void settingsSurviveAReloadAndBlockWhatTheySay() throws Exception {
        WebDriver carol = signIn(registerCarol());
        try {
            watch(carol);
            carol.findElement(By.id("danmaku-settings-button")).click();
            js(carol, "const o = document.getElementById('danmaku-opacity'); o.value = '50'; o.dispatchEvent(new Event('input'));");
            WebElement words = carol.findElement(By.id("danmaku-keywords"));
            words.sendKeys("spoiler");
            WebElement patterns = carol.findElement(By.id("danmaku-regexes"));
            patterns.sendKeys("([");
            carol.findElement(By.id("danmaku-enabled")).click(); // off ...
            carol.findElement(By.id("danmaku-enabled")).click(); // ... and on again; also moves focus: change fires
            WebElement errors = carol.findElement(By.id("danmaku-regex-errors"));
            assertThat(errors.isDisplayed()).isTrue();
            assertThat(errors.getText()).contains("([");

            carol.navigate().refresh();
            watch(carol);
            assertThat(carol.findElement(By.id("danmaku-opacity")).getAttribute("value")).isEqualTo("50");
            assertThat(carol.findElement(By.id("danmaku-keywords")).getAttribute("value")).isEqualTo("spoiler");
            assertThat(js(carol, "return document.querySelector('.danmaku-layer').style.opacity")).isEqualTo("0.5");
            assertThat(carol.findElement(By.id("danmaku-regex-errors")).getDomProperty("textContent")).contains("([");
            carol.findElement(By.id("danmaku-settings-button")).click();
            screenshot(carol, "danmaku-settings.png");

            watchFor(carol, "big SPOILER ahead");
            watchFor(carol, "nothing to hide");
            site.call("POST", "/api/v1/videos/" + video + "/danmaku", Map.of("time", 2, "text", "big SPOILER ahead"), aliceToken);
            site.call("POST", "/api/v1/videos/" + video + "/danmaku", Map.of("time", 2, "text", "nothing to hide", "mode", "top"), aliceToken);
            wait(carol, 5).until(d -> js(d, "return window.__seen['nothing to hide'] || null"));
            Thread.sleep(500);
            assertThat(js(carol, "return window.__seen['big SPOILER ahead'] || null")).isNull();

            // A click on a danmaku offers to block its sender; the sender's next one stays away.
            carol.findElement(By.xpath("//span[contains(@class,'danmaku-item') and text()='nothing to hide']")).click();
            WebElement block = wait(carol, 5).until(d -> {
                WebElement e = d.findElement(By.className("danmaku-block-sender"));
                return e.isDisplayed() ? e : null;
            });
            block.click();
            assertThat(carol.findElement(By.id("danmaku-senders")).getAttribute("value")).matches("[0-9a-f]{8}");
            watchFor(carol, "alice again");
            site.call("POST", "/api/v1/videos/" + video + "/danmaku", Map.of("time", 3, "text", "alice again"), aliceToken);
            Thread.sleep(1500);
            assertThat(js(carol, "return window.__seen['alice again'] || null")).isNull();
        } finally {
            carol.quit();
        }
    }

    static String registerCarol() {
        site.signUp("carol");
        return "carol";
    }
}
