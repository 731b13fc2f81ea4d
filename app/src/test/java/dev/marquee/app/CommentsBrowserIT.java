package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * A person in headless chromium comments under a video: a link becomes a safe link, a {@code 1:23} timestamp seeks
 * the player, a reply joins the thread, a delete removes it; likes, subscriptions and notifications on the pages.
 */
class CommentsBrowserIT extends BrowserTestBase {
    @TempDir
    static Path clips;

    @Test
    void aTimestampSeeksTheLinkIsSafeAndRepliesComeAndGo() throws Exception {
        site.signUp("siteadmin");
        String owner = site.signUp("director");
        String video = SocialFixtures.readyVideo(site, clips, owner, "Long take", "public", 95);
        site.signUp("viewer");
        SocialFixtures.signInBrowser(site, browser, "viewer");
        browser.get(site.base() + "/watch/" + video);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        wait(20).until(d -> "true".equals(d.findElement(By.id("comments")).getAttribute("data-loaded")));

        WebElement box = browser.findElement(By.id("comment-text"));
        box.sendKeys("The best part is at 1:23, see https://example.org/notes. Not javascript:alert(1) though");
        browser.findElement(By.id("comment-submit")).click();
        WebElement comment = wait(20).until(d -> d.findElements(By.cssSelector("#comment-list > li.comment")).stream().findFirst().orElse(null));
        assertThat(browser.findElement(By.id("comment-count")).getText()).isEqualTo("1");
        assertThat(comment.findElement(By.cssSelector(".comment-text")).getText())
                .isEqualTo("The best part is at 1:23, see https://example.org/notes. Not javascript:alert(1) though");
        List<WebElement> links = comment.findElements(By.cssSelector(".comment-text a:not(.timestamp)"));
        assertThat(links).hasSize(1);
        assertThat(links.getFirst().getAttribute("href")).isEqualTo("https://example.org/notes");
        assertThat(links.getFirst().getAttribute("rel")).isEqualTo("nofollow ugc noopener");
        assertThat(links.getFirst().getAttribute("target")).isEqualTo("_blank");

        // The player knows its length once the playlist is in; then the timestamp seeks to 83 s.
        wait(30).until(d -> ((Number) js.executeScript("return document.querySelector('video').duration || 0")).doubleValue() > 90);
        comment.findElement(By.cssSelector(".comment-text a.timestamp")).click();
        double at = ((Number) wait(10).until(d -> {
            double t = ((Number) js.executeScript("return document.querySelector('video').currentTime")).doubleValue();
            return Math.abs(t - 83) < 1.5 ? t : null;
        })).doubleValue();
        assertThat(at).isCloseTo(83, org.assertj.core.data.Offset.offset(1.5));

        // A reply joins the thread and survives a reload; then its author deletes it.
        comment.findElement(By.cssSelector(".comment-reply")).click();
        WebElement replyForm = wait(5).until(d -> d.findElement(By.cssSelector("#comment-list .comment-inline-form")));
        replyForm.findElement(By.tagName("textarea")).sendKeys("Agreed, 1:02:03 would be too far");
        replyForm.findElement(By.cssSelector("button[type=submit]")).click();
        wait(10).until(d -> d.findElements(By.cssSelector("#comment-list .comment-replies > li.reply")).size() == 1);
        assertThat(browser.findElement(By.id("comment-count")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.cssSelector(".comment-replies .comment-text")).getText())
                .isEqualTo("Agreed, 1:02:03 would be too far");
        assertThat(browser.findElement(By.cssSelector(".comment-replies .comment-text a.timestamp")).getAttribute("data-seconds"))
                .isEqualTo("3723");

        screenshot("comments.png");
        browser.navigate().refresh();
        WebElement toggle = wait(20).until(d -> d.findElement(By.cssSelector("#comment-list .comment-show-replies")));
        assertThat(toggle.getText()).isEqualTo("1 reply");
        toggle.click();
        WebElement reply = wait(10).until(d -> d.findElement(By.cssSelector("#comment-list .comment-replies > li.reply")));
        reply.findElement(By.cssSelector(".comment-delete")).click();
        browser.switchTo().alert().accept();
        wait(10).until(d -> d.findElements(By.cssSelector("#comment-list .comment-replies > li.reply")).isEmpty());
        assertThat(browser.findElement(By.id("comment-count")).getText()).isEqualTo("1");
        browser.navigate().refresh();
        wait(20).until(d -> d.findElement(By.id("comment-count")).getText().equals("1"));
        assertThat(browser.findElements(By.cssSelector("#comment-list .comment-show-replies"))).isEmpty();

        // Edit one's own comment: shown as edited.
        browser.findElement(By.cssSelector("#comment-list .comment-edit")).click();
        WebElement editForm = wait(5).until(d -> d.findElement(By.cssSelector("#comment-list .comment-inline-form")));
        WebElement area = editForm.findElement(By.tagName("textarea"));
        area.clear();
        area.sendKeys("Changed my mind: 0:42");
        editForm.findElement(By.cssSelector("button[type=submit]")).click();
        wait(10).until(d -> d.findElement(By.cssSelector("#comment-list .comment-text")).getText().equals("Changed my mind: 0:42"));
        assertThat(browser.findElement(By.cssSelector("#comment-list .comment-edited")).getText()).isEqualTo("(edited)");

        // The video's owner may delete the viewer's comment; others see no delete button.
        String stranger = site.signUp("stranger");
        assertThat(stranger).isNotBlank();
        SocialFixtures.signInBrowser(site, browser, "stranger");
        browser.get(site.base() + "/watch/" + video);
        wait(20).until(d -> d.findElement(By.id("comment-count")).getText().equals("1"));
        wait(10).until(d -> !d.findElements(By.cssSelector("#comment-list .comment-like")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#comment-list .comment-delete"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#comment-list .comment-edit"))).isEmpty();
        SocialFixtures.signInBrowser(site, browser, "director");
        browser.get(site.base() + "/watch/" + video);
        WebElement delete = wait(20).until(d -> d.findElement(By.cssSelector("#comment-list .comment-delete")));
        delete.click();
        browser.switchTo().alert().accept();
        wait(10).until(d -> d.findElements(By.cssSelector("#comment-list > li.comment")).isEmpty());
        assertThat(site.call("GET", "/api/v1/videos/" + video + "/comments", null, null).json().get("count").asLong()).isZero();
    }

    @Test
    void likeSubscribeAndHearOfTheNextUpload() throws Exception {
        String creator = site.signUp("creator");
        String first = SocialFixtures.readyVideo(site, clips, creator, "First upload", "public");
        site.signUp("fan");
        SocialFixtures.signInBrowser(site, browser, "fan");
        browser.get(site.base() + "/watch/" + first);
        WebElement like = wait(20).until(d -> d.findElement(By.id("like-button")));
        wait(10).until(d -> "true".equals(like.getAttribute("data-ready")) && like.getText().equals("Like"));
        like.click();
        wait(10).until(d -> like.getAttribute("aria-pressed").equals("true") && like.getText().equals("1"));
        WebElement subscribe = browser.findElement(By.id("subscribe-button"));
        wait(10).until(d -> "true".equals(subscribe.getAttribute("data-ready")) && subscribe.getText().equals("Subscribe"));
        subscribe.click();
        wait(10).until(d -> subscribe.getText().equals("Subscribed · 1"));
        browser.navigate().refresh();
        wait(10).until(d -> d.findElement(By.id("like-button")).getText().equals("1"));
        wait(10).until(d -> d.findElement(By.id("subscribe-button")).getText().equals("Subscribed · 1"));
        assertThat(browser.findElements(By.id("unread-badge"))).isEmpty();

        String second = SocialFixtures.readyVideo(site, clips, creator, "Second upload", "public");
        browser.get(site.base() + "/subscriptions");
        screenshot("subscriptions.png");
        List<String> titles = browser.findElements(By.cssSelector(".video-grid .card-title a")).stream().map(WebElement::getText).toList();
        assertThat(titles).containsExactly("Second upload", "First upload");
        assertThat(browser.findElement(By.id("unread-badge")).getText()).isEqualTo("1");

        browser.findElement(By.id("nav-notifications")).click();
        wait(10).until(d -> d.getCurrentUrl().endsWith("/notifications"));
        WebElement item = browser.findElement(By.cssSelector("#notification-list .notification.is-unread"));
        assertThat(item.getText()).contains("creator", "uploaded", "Second upload");
        assertThat(item.findElement(By.tagName("a")).getAttribute("href")).endsWith("/watch/" + second);
        screenshot("notifications.png");
        browser.findElement(By.id("mark-all-read")).click();
        wait(10).until(d -> d.findElements(By.id("unread-badge")).isEmpty()
                && d.findElements(By.cssSelector(".notification.is-unread")).isEmpty());
        browser.navigate().refresh();
        assertThat(browser.findElements(By.id("unread-badge"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#notification-list .notification"))).hasSize(1);

        // The channel page has the same button, already pressed.
        browser.get(site.base() + "/c/creator");
        wait(10).until(d -> d.findElement(By.id("subscribe-button")).getText().equals("Subscribed · 1"));
        browser.findElement(By.id("subscribe-button")).click();
        wait(10).until(d -> d.findElement(By.id("subscribe-button")).getText().equals("Subscribe"));
        assertThat(site.call("GET", "/api/v1/users/creator/subscription", null, null).json().get("subscribers").asLong()).isZero();
    }

    /** Keeps a picture of the page in target/screenshots for people reviewing the look. */
    private static void screenshot(String name) throws java.io.IOException {
        Path shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath();
        Path target = Path.of("target", "screenshots", name);
        java.nio.file.Files.createDirectories(target.getParent());
        java.nio.file.Files.copy(shot, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
