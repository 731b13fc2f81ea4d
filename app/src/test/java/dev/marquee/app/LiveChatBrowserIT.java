package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * ffmpeg publishes (a picture without sound); the streamer and a fan each have their own headless chromium on the
 * live page, and the fan's plays it. The
 * fan's chat line shows in the streamer's chat list and flies over the streamer's player within a second;
 * an XSS payload shows as text and runs nothing; the streamer deletes a line and it leaves the fan's list.
 */
class LiveChatBrowserIT extends BrowserTestBase {
    static WebDriver fan;

    @AfterAll
    static void stopFan() {
        if (fan != null) fan.quit();
    }

    private static void register(WebDriver b, String username) {
        b.get(site.base() + "/register");
        b.findElement(By.id("username")).sendKeys(username);
        b.findElement(By.id("password")).sendKeys("a good password");
        b.findElement(By.id("submit")).click();
        new WebDriverWait(b, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/register"));
    }

    private static Object js(WebDriver b, String script) {
        return ((JavascriptExecutor) b).executeScript(script);
    }

    /** Records, in the page's own clock, when a line with this text first shows in the list and in the overlay. */
    private static void watchFor(WebDriver b, String text) {
        js(b, "window.__seen = {}; const want = " + RunningMarquee.JSON.writeValueAsString(text) + ";"
                + "const check = () => {"
                + "  for (const [key, sel] of [['list', '#chat-list .chat-text'], ['overlay', '#live-player .danmaku-layer .danmaku-item']])"
                + "    if (!window.__seen[key] && [...document.querySelectorAll(sel)].some(e => e.textContent === want)) window.__seen[key] = Date.now();"
                + "};"
                // the previous watch's observer would otherwise see its own, older line on any change and report it
                + "window.__watch?.disconnect(); window.__watch = new MutationObserver(check);"
                + "window.__watch.observe(document.body, {childList: true, subtree: true, characterData: true});");
    }

    private static void say(WebDriver b, String text) {
        var input = b.findElement(By.id("chat-input"));
        input.sendKeys(text);
        js(b, "window.__sentAt = Date.now();");
        b.findElement(By.id("chat-send")).click();
    }

    @Test
    void aChatLineReachesTheOtherViewersListAndOverlayWithinASecondAndNeverRunsAsScript() throws Exception {
        register(browser, "caster");
        fan = Browsers.chromium();
        register(fan, "fan");
        String token = site.call("POST", "/api/v1/auth/token", java.util.Map.of("username", "caster", "password", "a good password"), null)
                .json().get("accessToken").asString();
        String key = site.call("GET", "/api/v1/live/key", null, token).json().get("streamKey").asString();
        Process publisher = new ProcessBuilder(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning",
                "-re", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30", "-t", "90", "-c:v", "libx264", "-preset",
                "ultrafast", "-tune", "zerolatency", "-g", "30", "-pix_fmt", "yuv420p", "-f", "flv",
                "rtmp://127.0.0.1:" + site.rtmpPort + "/live/" + key)).redirectErrorStream(true)
                .redirectOutput(data.resolve("publisher.log").toFile()).start();
        try {
            for (WebDriver b : List.of(browser, fan)) {
                b.get(site.base() + "/live/caster");
                new WebDriverWait(b, Duration.ofSeconds(30), Duration.ofMillis(200))
                        .until(d -> d.findElement(By.id("live-badge")).isDisplayed());
                new WebDriverWait(b, Duration.ofSeconds(10), Duration.ofMillis(100))
                        .until(d -> d.findElement(By.id("live-chat")).getAttribute("class").contains("is-connected"));
            }

            // The stream has a picture and no sound, as ffmpeg announces it: the page plays it (a header promising
            // audio too kept mpegts.js waiting for ever)
            js(fan, "const v = document.getElementById('video'); v.muted = true; v.play().catch(() => {});");
            new WebDriverWait(fan, Duration.ofSeconds(20), Duration.ofMillis(200))
                    .until(d -> js(d, "return document.getElementById('video').currentTime > 1.5;"));

            String hello = "hello from the fan " + System.nanoTime();
            watchFor(browser, hello);
            say(fan, hello);
            wait(5).until(d -> js(d, "return window.__seen.list && window.__seen.overlay ? true : null;"));
            long sentAt = ((Number) js(fan, "return window.__sentAt;")).longValue();
            long inList = ((Number) js(browser, "return window.__seen.list;")).longValue();
            long inOverlay = ((Number) js(browser, "return window.__seen.overlay;")).longValue();
            System.out.printf("chat line on the other page after %d ms (list), %d ms (overlay)%n", inList - sentAt, inOverlay - sentAt);
            assertThat(inList - sentAt).as("ms until the line shows in the other chat list").isLessThan(1000);
            assertThat(inOverlay - sentAt).as("ms until the line flies over the other player").isLessThan(1000);
            assertThat(browser.findElement(By.cssSelector("#chat-list .chat-line:last-child .chat-author")).getText()).contains("fan");

            String xss = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>\"><svg onload=window.__xss=3>";
            watchFor(browser, xss);
            say(fan, xss);
            wait(5).until(d -> js(d, "return window.__seen.list && window.__seen.overlay ? true : null;"));
            assertThat(js(browser, "return window.__xss === undefined;")).isEqualTo(true);
            assertThat(js(fan, "return window.__xss === undefined;")).isEqualTo(true);
            assertThat(js(browser, "return document.querySelectorAll('#chat-list img, #chat-list script, #chat-list svg,"
                    + " #live-player .danmaku-layer img, #live-player .danmaku-layer script, #live-player .danmaku-layer svg').length;")).isEqualTo(0L);
            assertThat(browser.findElement(By.cssSelector("#chat-list .chat-line:last-child .chat-text")).getText()).isEqualTo(xss);

            // Only http(s) becomes a link, built as an element: a javascript: URL stays text, a quote ends the URL.
            String links = "javascript:window.__xss=4 https://example.com/a\"><img src=x onerror=window.__xss=5>";
            watchFor(browser, links);
            say(fan, links);
            wait(5).until(d -> js(d, "return window.__seen.list ? true : null;"));
            assertThat(js(browser, "return [...document.querySelectorAll('#chat-list .chat-line:last-child a')]"
                    + ".map(a => a.href + ' ' + a.rel + ' ' + a.target).join('|');"))
                    .isEqualTo("https://example.com/a nofollow ugc noopener _blank");
            assertThat(js(browser, "return window.__xss === undefined && !document.querySelector('#chat-list img');")).isEqualTo(true);

            Path shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath();
            Path target = Path.of("target", "screenshots", "live-chat.png");
            Files.createDirectories(target.getParent());
            Files.copy(shot, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            // The streamer deletes the payload from the chat list; it leaves the fan's list too.
            js(browser, "[...document.querySelectorAll('#chat-list .chat-line')].find(l => l.querySelector('.chat-text').textContent === "
                    + RunningMarquee.JSON.writeValueAsString(xss) + ").querySelector('.chat-tool[data-action=delete]').click();");
            new WebDriverWait(fan, Duration.ofSeconds(5), Duration.ofMillis(100)).until(d -> (Boolean) js(d,
                    "return ![...document.querySelectorAll('#chat-list .chat-text')].some(e => e.textContent === "
                            + RunningMarquee.JSON.writeValueAsString(xss) + ");"));
            assertThat(fan.findElements(By.cssSelector("#chat-list .chat-tool"))).as("the fan has no moderation buttons").isEmpty();
            assertThat(fan.findElements(By.id("chat-slow-mode"))).as("nor the slow mode control").isEmpty();

            // As on Twitch: a line that mentions the fan stands out on the fan's page only; a name clicked starts a reply
            String greeting = "welcome @FAN, enjoy " + System.nanoTime();
            watchFor(fan, greeting);
            say(browser, greeting);
            new WebDriverWait(fan, Duration.ofSeconds(5), Duration.ofMillis(100)).until(d -> js(d, "return window.__seen.list ? true : null;"));
            assertThat(fan.findElement(By.cssSelector("#chat-list .chat-line:last-child")).getAttribute("class")).contains("is-mention");
            wait(5).until(d -> d.findElements(By.cssSelector("#chat-list .chat-line")).size()
                    == fan.findElements(By.cssSelector("#chat-list .chat-line")).size());
            assertThat(browser.findElement(By.cssSelector("#chat-list .chat-line:last-child")).getAttribute("class"))
                    .doesNotContain("is-mention");
            fan.findElement(By.cssSelector("#chat-list .chat-line:last-child .chat-author")).click();
            assertThat(fan.findElement(By.id("chat-input")).getDomProperty("value")).isEqualTo("@caster ");
            fan.findElement(By.id("chat-input")).clear();

            // A fan who scrolled back stays where they read, and is told of newer lines below
            js(fan, "const l = document.getElementById('chat-list'); l.style.flex = 'none'; l.style.height = '40px'; l.scrollTop = 0;");
            String later = "a later line " + System.nanoTime();
            watchFor(fan, later);
            say(browser, later);
            new WebDriverWait(fan, Duration.ofSeconds(5), Duration.ofMillis(100)).until(d -> js(d, "return window.__seen.list ? true : null;"));
            assertThat(js(fan, "return document.getElementById('chat-list').scrollTop;")).isEqualTo(0L);
            assertThat(fan.findElement(By.id("chat-more")).isDisplayed()).isTrue();
            fan.findElement(By.id("chat-more")).click();
            assertThat(js(fan, "const l = document.getElementById('chat-list'); return l.scrollHeight - l.scrollTop - l.clientHeight < 2;"))
                    .isEqualTo(true);
            assertThat(fan.findElement(By.id("chat-more")).isDisplayed()).isFalse();
            js(fan, "const l = document.getElementById('chat-list'); l.style.flex = ''; l.style.height = '';");

            // The streamer turns slow mode on from the page; the fan is told, and a line too soon is refused.
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("chat-slow-mode"))).selectByValue("30");
            new WebDriverWait(fan, Duration.ofSeconds(5), Duration.ofMillis(100))
                    .until(d -> d.findElement(By.id("chat-slow")).getText().contains("one message every 30 s"));
            say(fan, "too soon under slow mode"); // the fan wrote less than 30 s ago
            new WebDriverWait(fan, Duration.ofSeconds(5), Duration.ofMillis(100))
                    .until(d -> d.findElement(By.id("chat-error")).getText().contains("Slow mode"));
        } finally {
            publisher.destroy();
            publisher.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
