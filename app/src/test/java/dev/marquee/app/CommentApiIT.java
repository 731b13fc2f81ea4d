package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.platform.community.Bans;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The comment routes against a running Marquee: order, replies, pages, likes, permissions and abuse limits. */
class CommentApiIT {
    @TempDir
    static Path data;
    @TempDir
    static Path clips;
    static RunningMarquee site;
    static String admin;
    static String owner;
    static String threadVideo;
    static String rulesVideo;
    static String privateVideo;

    @BeforeAll
    static void start() throws Exception {
        site = new RunningMarquee(data);
        admin = site.signUp("siteadmin");
        owner = site.signUp("owner");
        String a = SocialFixtures.startVideo(site, clips, owner, "Threads", "public");
        String b = SocialFixtures.startVideo(site, clips, owner, "Rules", "public");
        threadVideo = SocialFixtures.awaitReady(site, a, owner);
        rulesVideo = SocialFixtures.awaitReady(site, b, owner);
        privateVideo = site.call("POST", "/api/v1/videos", Map.of("title", "Secret", "visibility", "private"), owner).json().get("id").asString();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static RunningMarquee.Response post(String video, String token, String text, String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("text", text);
        if (parentId != null) body.put("parentId", parentId);
        return site.call("POST", "/api/v1/videos/" + video + "/comments", body, token);
    }

    static JsonNode posted(String video, String token, String text, String parentId) {
        var r = post(video, token, text, parentId);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static List<String> texts(JsonNode page) {
        return page.get("items").valueStream().map(c -> c.get("text").asString()).toList();
    }

    @Test
    void commentsComeNewestOrTopWithOneLevelOfRepliesAndStableCursors() {
        String alice = site.signUp("alice");
        String bob = site.signUp("bob");
        String carol = site.signUp("carol");
        JsonNode first = posted(threadVideo, alice, "first", null);
        assertThat(first.get("id").asString()).matches("[A-Za-z0-9_-]{11}");
        assertThat(first.get("author").get("username").asString()).isEqualTo("alice");
        assertThat(first.get("parentId").isNull()).isTrue();
        assertThat(first.get("replies").asInt()).isZero();
        assertThat(first.get("createdAt").asString()).endsWith("Z");
        posted(threadVideo, bob, "second", null);
        posted(threadVideo, carol, "third", null);

        // Replies: a reply to a reply joins the top-level thread.
        JsonNode reply = posted(threadVideo, bob, "a reply", first.get("id").asString());
        assertThat(reply.get("parentId").asString()).isEqualTo(first.get("id").asString());
        JsonNode nested = posted(threadVideo, carol, "a reply to the reply", reply.get("id").asString());
        assertThat(nested.get("parentId").asString()).isEqualTo(first.get("id").asString());
        JsonNode third = posted(threadVideo, alice, "third reply", first.get("id").asString());

        JsonNode newest = site.call("GET", "/api/v1/videos/" + threadVideo + "/comments", null, null).json();
        assertThat(texts(newest)).containsExactly("third", "second", "first");
        assertThat(newest.get("count").asLong()).isEqualTo(6);
        assertThat(newest.get("next").isNull()).isTrue();
        assertThat(newest.get("items").get(2).get("replies").asInt()).isEqualTo(3);

        String repliesUrl = "/api/v1/comments/" + first.get("id").asString() + "/replies?limit=2";
        JsonNode replies1 = site.call("GET", repliesUrl, null, null).json();
        assertThat(texts(replies1)).containsExactly("a reply", "a reply to the reply");
        JsonNode replies2 = site.call("GET", repliesUrl + "&cursor=" + replies1.get("next").asString(), null, null).json();
        assertThat(texts(replies2)).containsExactly("third reply");
        assertThat(replies2.get("next").isNull()).isTrue();
        assertThat(replies2.get("items").get(0).get("id").asString()).isEqualTo(third.get("id").asString());

        // Top: most liked first, then newest; likes are one per user and idempotent.
        String secondId = newest.get("items").get(1).get("id").asString();
        for (String token : List.of(alice, carol, carol)) {
            assertThat(site.call("PUT", "/api/v1/comments/" + secondId + "/like", null, token).status()).isEqualTo(204);
        }
        assertThat(site.call("PUT", "/api/v1/comments/" + first.get("id").asString() + "/like", null, bob).status()).isEqualTo(204);
        JsonNode top = site.call("GET", "/api/v1/videos/" + threadVideo + "/comments?sort=top", null, carol).json();
        assertThat(texts(top)).containsExactly("second", "first", "third");
        assertThat(top.get("items").get(0).get("likes").asInt()).isEqualTo(2);
        assertThat(top.get("items").get(0).get("liked").asBoolean()).isTrue();
        assertThat(top.get("items").get(1).get("liked").asBoolean()).isFalse();
        assertThat(site.call("DELETE", "/api/v1/comments/" + secondId + "/like", null, carol).status()).isEqualTo(204);
        assertThat(site.call("DELETE", "/api/v1/comments/" + secondId + "/like", null, carol).status()).isEqualTo(204);
        assertThat(site.call("PUT", "/api/v1/comments/" + secondId + "/like", null, null).status()).isEqualTo(401);

        // Cursor pages stay put when comments arrive between them.
        JsonNode page1 = site.call("GET", "/api/v1/videos/" + threadVideo + "/comments?limit=2", null, null).json();
        assertThat(texts(page1)).containsExactly("third", "second");
        posted(threadVideo, site.signUp("dave"), "written while paging", null);
        JsonNode page2 = site.call("GET", "/api/v1/videos/" + threadVideo + "/comments?limit=2&cursor="
                + page1.get("next").asString(), null, null).json();
        assertThat(texts(page2)).containsExactly("first");
        assertThat(page2.get("count").asLong()).isEqualTo(7);

        JsonNode top1 = site.call("GET", "/api/v1/videos/" + threadVideo + "/comments?sort=top&limit=1", null, null).json();
        List<String> walked = new ArrayList<>(texts(top1));
        String cursor = top1.get("next").asString();
        while (cursor != null) {
            JsonNode p = site.call("GET", "/api/v1/videos/" + threadVideo + "/comments?sort=top&limit=1&cursor=" + cursor, null, null).json();
            walked.addAll(texts(p));
            cursor = p.get("next").isNull() ? null : p.get("next").asString();
        }
        assertThat(walked).as("one like each: newest first; then the unliked, newest first")
                .containsExactly("second", "first", "written while paging", "third");

        // A cursor of the other order, or made up, is refused.
        assertThat(site.call("GET", "/api/v1/videos/" + threadVideo + "/comments?sort=top&cursor=" + page1.get("next").asString(), null, null).status()).isEqualTo(400);
        assertThat(site.call("GET", "/api/v1/videos/" + threadVideo + "/comments?cursor=not-a-cursor!", null, null).status()).isEqualTo(400);
        assertThat(site.call("GET", "/api/v1/videos/" + threadVideo + "/comments?sort=best", null, null).status()).isEqualTo(400);
        assertThat(site.call("GET", "/api/v1/videos/" + threadVideo + "/comments?limit=0", null, null).status()).isEqualTo(400);
        assertThat(site.call("GET", "/api/v1/videos/" + threadVideo + "/comments?limit=lots", null, null).status()).isEqualTo(400);
    }

    @Test
    void onlyTheAuthorEditsAndTheAuthorOwnerOrAdminDelete() {
        String erin = site.signUp("erin");
        String frank = site.signUp("frank");
        JsonNode mine = posted(rulesVideo, erin, "erin was here", null);
        String url = "/api/v1/comments/" + mine.get("id").asString();

        assertThat(post(rulesVideo, null, "no token", null).status()).isEqualTo(401);
        assertThat(post(rulesVideo, "forged.token.value", "forged", null).status()).isEqualTo(401);
        assertThat(site.call("PATCH", url, Map.of("text", "mine now"), frank).status()).isEqualTo(403);
        assertThat(site.call("PATCH", url, Map.of("text", "mine now"), owner).status()).isEqualTo(403);
        assertThat(site.call("PATCH", url, Map.of("text", "mine now"), null).status()).isEqualTo(401);
        assertThat(site.call("DELETE", url, null, frank).status()).isEqualTo(403);
        assertThat(site.call("DELETE", url, null, null).status()).isEqualTo(401);
        assertThat(site.call("DELETE", url, null, "forged.token.value").status()).isEqualTo(401);

        var edited = site.call("PATCH", url, Map.of("text", "erin was here (fixed)"), erin);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("text").asString()).isEqualTo("erin was here (fixed)");
        assertThat(edited.json().get("editedAt").isNull()).isFalse();

        assertThat(site.call("DELETE", url, null, owner).status()).isEqualTo(204);
        assertThat(site.call("DELETE", url, null, owner).status()).isEqualTo(404);
        String byAdmin = posted(rulesVideo, erin, "the admin removes this", null).get("id").asString();
        assertThat(site.call("DELETE", "/api/v1/comments/" + byAdmin, null, admin).status()).isEqualTo(204);
        JsonNode parent = posted(rulesVideo, frank, "frank's thread", null);
        String replyId = posted(rulesVideo, erin, "erin's reply", parent.get("id").asString()).get("id").asString();
        assertThat(site.call("DELETE", "/api/v1/comments/" + replyId, null, frank).status()).isEqualTo(403);
        assertThat(site.call("DELETE", "/api/v1/comments/" + parent.get("id").asString(), null, frank).status()).isEqualTo(204);
        assertThat(site.call("GET", "/api/v1/comments/" + parent.get("id").asString() + "/replies", null, null).status()).isEqualTo(404);
        assertThat(site.call("DELETE", "/api/v1/comments/" + replyId, null, erin).status())
                .as("deleting a thread deletes its replies").isEqualTo(404);
    }

    @Test
    void commentsOfAVideoOnlyWhoMaySeeItSees() {
        String grace = site.signUp("grace");
        String privateUrl = "/api/v1/videos/" + privateVideo + "/comments";
        assertThat(site.call("GET", privateUrl, null, grace).status()).isEqualTo(404);
        assertThat(site.call("GET", privateUrl, null, null).status()).isEqualTo(404);
        assertThat(post(privateVideo, grace, "let me in", null).status()).isEqualTo(404);
        JsonNode note = posted(privateVideo, owner, "note to self", null);
        assertThat(site.call("GET", privateUrl, null, owner).json().get("count").asLong()).isEqualTo(1);
        assertThat(site.call("GET", privateUrl, null, admin).status()).isEqualTo(200);
        String noteUrl = "/api/v1/comments/" + note.get("id").asString();
        assertThat(site.call("DELETE", noteUrl, null, grace).status()).isEqualTo(404);
        assertThat(site.call("PUT", noteUrl + "/like", null, grace).status()).isEqualTo(404);
        assertThat(site.call("GET", noteUrl + "/replies", null, grace).status()).isEqualTo(404);
        assertThat(site.call("GET", "/api/v1/videos/AAAAAAAAAAA/comments", null, null).status()).isEqualTo(404);
        assertThat(site.call("DELETE", "/api/v1/comments/AAAAAAAAAAA", null, grace).status()).isEqualTo(404);
        assertThat(site.call("DELETE", "/api/v1/comments/not-an-id", null, grace).status()).isEqualTo(404);
        assertThat(post(rulesVideo, grace, "reply to a comment of another video", note.get("id").asString()).status()).isEqualTo(400);
    }

    @Test
    void textIsCleanedAndLengthChecked() {
        String heidi = site.signUp("heidi");
        JsonNode cleaned = posted(rulesVideo, heidi, "  he\u0000llo\u202E wor\u200Bld\u0007\r\nline two  ", null);
        assertThat(cleaned.get("text").asString()).isEqualTo("hello world\nline two");
        assertThat(post(rulesVideo, heidi, "x".repeat(2001), null).status()).isEqualTo(400);
        assertThat(post(rulesVideo, heidi, "\u0000\u200B \n", null).status()).isEqualTo(400);
        assertThat(site.call("POST", "/api/v1/videos/" + rulesVideo + "/comments", "{not json", heidi).status()).isEqualTo(400);
        assertThat(site.call("POST", "/api/v1/videos/" + rulesVideo + "/comments", Map.of(), heidi).status()).isEqualTo(400);
        var longest = post(rulesVideo, heidi, "y".repeat(2000), null);
        assertThat(longest.status()).isEqualTo(201);
        assertThat(site.call("PATCH", "/api/v1/comments/" + cleaned.get("id").asString(), Map.of("text", "z".repeat(2001)), heidi).status())
                .isEqualTo(400);
    }

    @Test
    void floodsRepeatsAndBannedUsersAreRefused() {
        String ivan = site.signUp("ivan");
        for (int i = 1; i <= 5; i++) posted(rulesVideo, ivan, "burst " + i, null);
        var tooFast = post(rulesVideo, ivan, "burst 6", null);
        assertThat(tooFast.status()).isEqualTo(429);
        assertThat(Long.parseLong(tooFast.header("Retry-After"))).isPositive();
        assertThat(tooFast.header("Content-Type")).startsWith("application/problem+json");

        String judy = site.signUp("judy");
        posted(rulesVideo, judy, "Same words", null);
        var again = post(rulesVideo, judy, "same   WORDS", null);
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.header("Retry-After")).isNotNull();

        String mallory = site.signUp("mallory");
        JsonNode before = posted(rulesVideo, mallory, "posted before the ban", null);
        site.context.getBean(Bans.class).ban(SocialFixtures.userId(site, owner), SocialFixtures.userId(site, mallory), null,
                SocialFixtures.userId(site, owner));
        assertThat(post(rulesVideo, mallory, "after the ban", null).status()).isEqualTo(403);
        assertThat(post(rulesVideo, mallory, "a reply after the ban", before.get("id").asString()).status()).isEqualTo(403);
        assertThat(site.call("PATCH", "/api/v1/comments/" + before.get("id").asString(), Map.of("text", "edited after the ban"), mallory)
                .status()).isEqualTo(403);
        // Banned on this channel only: another owner's video still takes the comment.
        String other = site.signUp("otherowner");
        String privateOfOther = site.call("POST", "/api/v1/videos", Map.of("title", "x", "visibility", "private"), other).json().get("id").asString();
        assertThat(post(privateOfOther, mallory, "hello", null).status()).isEqualTo(404);
        site.context.getBean(Bans.class).ban(Bans.SITE, SocialFixtures.userId(site, judy), null, SocialFixtures.userId(site, admin));
        assertThat(post(threadVideo, judy, "site-banned now", null).status()).isEqualTo(403);
    }
}
