package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/**
 * The classic XSS payloads posted as comments, replies, an edit, a video's title, description and tags and a live
 * stream's title (published over real RTMP), then every
 * page that shows them opened in chromium by another user: no script runs (no {@code window.__xss}, no alert), no
 * dangerous element or {@code javascript:} link appears, and the text is shown literally. Usernames allow only
 * {@code [A-Za-z0-9_-]}, so a channel name cannot carry a payload.
 */
class CommentXssBrowserIT extends BrowserTestBase {
    @TempDir
    static Path clips;

    static final List<String> PAYLOADS = List.of(
            "<script>window.__xss=1</script>",
            "<img src=x onerror=\"window.__xss=1\">",
            "\"><svg onload=\"window.__xss=1\">",
            "javascript:window.__xss=1",
            "{{7*7}} and {{constructor.constructor('window.__xss=1')()}}",
            "[[${7*7}]] and [(${7*7})]",
            "${7*7} #{7*7} *{7*7}",
            "<a href=\"javascript:window.__xss=1\">click me</a>",
            "https://example.org/\"><img src=x onerror=window.__xss=1>",
            "</textarea><script>window.__xss=1</script>",
            "<img src=x onerror=alert(1)>",
            "<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>",
            "'-alert(1)-' \";alert(1);//");

    @Test
    void noPayloadRunsAnywhereAndEveryOneIsShownAsWritten() throws Exception {
        site.signUp("siteadmin");
        String mallory = site.signUp("mallory");
        List<String> authors = List.of(mallory, site.signUp("trudy"), site.signUp("oscar"), site.signUp("eve"));
        String victim = site.signUp("victim");
        assertThat(site.call("PUT", "/api/v1/users/mallory/subscription", null, victim).status()).isEqualTo(204);

        String title = "<script>window.__xss=1</script>{{7*7}}[[${7*7}]]<img src=x onerror=alert(1)>";
        String description = String.join("\n", PAYLOADS);
        var created = site.call("POST", "/api/v1/videos", Map.of("title", title, "description", description,
                "tags", List.of("<b>bold</b>", "{{7*7}}"), "visibility", "public"), mallory);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String video = created.json().get("id").asString();
        Path clip = Clips.make(clips, "xss.mp4", 320, 180, 1, false);
        new TusUpload(mallory).send(created.json().get("upload").asString(), clip, 256 * 1024);
        SocialFixtures.awaitReady(site, video, mallory);

        // Every payload as a top-level comment or as a reply, spread over four writers (rate limits).
        List<String> expected = new ArrayList<>();
        String thread = null;
        for (int i = 0; i < PAYLOADS.size(); i++) {
            Map<String, Object> body = new HashMap<>();
            body.put("text", PAYLOADS.get(i));
            if (i % 3 == 2) body.put("parentId", thread);
            var r = site.call("POST", "/api/v1/videos/" + video + "/comments", body, authors.get(i % authors.size()));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().get("text").asString()).isEqualTo(PAYLOADS.get(i));
            if (thread == null) thread = r.json().get("id").asString();
            expected.add(PAYLOADS.get(i));
        }
        String edited = "<svg><script>window.__xss=1</script></svg> edited";
        assertThat(site.call("PATCH", "/api/v1/comments/" + thread, Map.of("text", edited), mallory).status()).isEqualTo(200);
        expected.set(0, edited);

        // The stream title is the other text a channel writes: mallory goes live (real RTMP) under a payload.
        String liveTitle = "<img src=x onerror=alert(1)>{{7*7}}<script>window.__xss=1</script>";
        assertThat(site.call("PUT", "/api/v1/live/title", Map.of("title", liveTitle), mallory).status()).isEqualTo(200);
        String key = site.call("GET", "/api/v1/live/key", null, mallory).json().get("streamKey").asString();
        Process stream = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning", "-re", "-f", "lavfi",
                "-i", "testsrc2=size=320x180:rate=15", "-t", "90", "-c:v", "libx264", "-preset", "ultrafast", "-g", "15",
                "-pix_fmt", "yuv420p", "-f", "flv", "rtmp://127.0.0.1:" + site.rtmpPort + "/live/" + key)
                .redirectErrorStream(true).redirectOutput(data.resolve("xss-stream.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (site.call("GET", "/api/v1/notifications", null, victim).json().get("unread").asLong() < 2) {
                assertThat(System.nanoTime()).as("a live notification in time").isLessThan(deadline);
                Thread.sleep(200);
            }
            checkPages(video, title, description, expected, liveTitle);
        } finally {
            stream.destroy();
            stream.waitFor();
        }
    }

    private static void checkPages(String video, String title, String description, List<String> expected, String liveTitle) {
        SocialFixtures.signInBrowser(site, browser, "victim");
        browser.get(site.base() + "/watch/" + video);
        wait(20).until(d -> "true".equals(d.findElement(By.id("comments")).getAttribute("data-loaded")));
        wait(10).until(d -> d.findElement(By.cssSelector("#comment-list .comment-show-replies"))).click();
        wait(10).until(d -> d.findElements(By.cssSelector("#comment-list .comment-text")).size() == PAYLOADS.size());
        assertNothingRan("watch page");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        assertThat(browser.getTitle()).isEqualTo(title + " · Marquee");
        assertThat(browser.findElement(By.cssSelector(".description-text")).getText()).isEqualTo(description);
        List<String> shown = browser.findElements(By.cssSelector("#comment-list .comment-text")).stream().map(WebElement::getText).toList();
        assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(shown).noneMatch(t -> t.contains("49"));
        // The one http(s) URL became a link, and its quote and markup stayed out of it.
        List<WebElement> links = browser.findElements(By.cssSelector("#comment-list .comment-text a[href]:not(.timestamp)"));
        assertThat(links).extracting(a -> a.getAttribute("href")).containsExactly("https://example.org/");

        browser.get(site.base() + "/c/mallory");
        assertNothingRan("channel page");
        assertThat(browser.findElement(By.cssSelector("#channel-live .card-title a")).getText()).isEqualTo(liveTitle);
        assertThat(browser.findElements(By.cssSelector(".card-title a")).stream().map(WebElement::getText).toList())
                .containsExactly(liveTitle, title);

        browser.get(site.base() + "/");
        assertNothingRan("home page");
        assertThat(browser.findElements(By.cssSelector(".card-title a")).stream().map(WebElement::getText).toList())
                .containsExactlyInAnyOrder(liveTitle, title);

        browser.get(site.base() + "/subscriptions");
        assertNothingRan("subscriptions page");
        assertThat(browser.findElement(By.cssSelector("#subscriptions-live .card-title a")).getText()).isEqualTo(liveTitle);
        assertThat(browser.findElements(By.cssSelector(".card-title a")).stream().map(WebElement::getText).toList())
                .containsExactlyInAnyOrder(liveTitle, title);

        browser.get(site.base() + "/notifications");
        assertNothingRan("notifications page");
        assertThat(browser.findElements(By.cssSelector(".notification-title")).stream().map(WebElement::getText).toList())
                .containsExactly(liveTitle, title);
    }

    /** No payload ran: no alert is open, nothing set window.__xss, and none of the payloads' elements exist. */
    private static void assertNothingRan(String page) {
        try {
            String text = browser.switchTo().alert().getText();
            fail("an alert opened on the " + page + ": " + text);
        } catch (NoAlertPresentException expected) {
            // good: no dialog
        }
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(js.executeScript("return typeof window.__xss")).as(page).isEqualTo("undefined");
        assertThat(((Number) js.executeScript("""
                return document.querySelectorAll('main script, main iframe, main svg:not([aria-hidden]), img[src="x"], '
                  + '[onerror], [onload], a[href^="javascript:" i]').length""")).intValue()).as(page).isZero();
    }
}
