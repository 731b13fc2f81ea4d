package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and hostile requests at every route (accounts, videos and uploads; comments, likes, subscriptions and
 * notifications): always a 4xx problem answer, never a 500 or a stack trace.
 */
class HostileInputIT {
    @TempDir
    static Path data;
    static RunningMarquee site;
    static String token;
    static String othersVideo;
    static String ownVideo;
    /** The social test's own: the video routes may delete {@link #ownVideo}. */
    static String commentedVideo;
    static String ownComment;

    @BeforeAll
    static void start() {
        site = new RunningMarquee(data);
        String other = site.signUp("someone");
        token = site.signUp("attacker");
        othersVideo = site.call("POST", "/api/v1/videos", Map.of("title", "not yours", "visibility", "private"), other)
                .json().get("id").asString();
        ownVideo = site.call("POST", "/api/v1/videos", Map.of("title", "mine"), token).json().get("id").asString();
        commentedVideo = site.call("POST", "/api/v1/videos", Map.of("title", "talk"), token).json().get("id").asString();
        ownComment = site.call("POST", "/api/v1/videos/" + commentedVideo + "/comments", Map.of("text", "mine"), token)
                .json().get("id").asString();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static List<String[]> routes() {
        List<String[]> routes = new ArrayList<>();
        for (String id : List.of(othersVideo, ownVideo, "AAAAAAAAAAA", "not-an-id", "..%2f..%2fetc", "%00"))
            for (String[] r : new String[][]{{"GET", "/api/v1/videos/" + id}, {"PATCH", "/api/v1/videos/" + id},
                    {"DELETE", "/api/v1/videos/" + id}, {"POST", "/api/v1/videos/" + id + "/views"},
                    {"POST", "/api/v1/videos/" + id + "/upload"}, {"PATCH", "/api/v1/videos/" + id + "/upload/abc"},
                    {"HEAD", "/api/v1/videos/" + id + "/upload/abc"}})
                routes.add(r);
        routes.addAll(List.of(new String[]{"POST", "/api/v1/users"}, new String[]{"POST", "/api/v1/auth/token"},
                new String[]{"POST", "/api/v1/auth/refresh"}, new String[]{"POST", "/api/v1/auth/logout"},
                new String[]{"GET", "/api/v1/users/me"}, new String[]{"POST", "/api/v1/videos"},
                new String[]{"GET", "/api/v1/videos?limit=abc"}, new String[]{"GET", "/api/v1/videos?limit=-1"},
                new String[]{"GET", "/api/v1/videos?cursor=%25%25%25"}, new String[]{"GET", "/api/v1/videos?sort=drop%20table"},
                new String[]{"GET", "/api/v1/videos?cursor=AAAA"}, new String[]{"PUT", "/api/v1/videos"}));
        return routes;
    }

    static List<byte[]> bodies(Random random) {
        List<String> texts = new ArrayList<>(List.of("", "{", "[]", "null", "true", "42", "\"text\"", "{\"title\":null}",
                "{\"title\":123,\"tags\":\"x\"}", "{\"title\":{\"$gt\":\"\"}}", "{\"title\":[1,2]}",
                "{\"title\":\"" + "A".repeat(300_000) + "\"}", "{\"tags\":[" + "\"t\",".repeat(5000) + "\"t\"]}",
                "{\"username\":\"x\",\"password\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                "{\"visibility\":\"secret\",\"title\":\"ok\"}", "{\"title\":\"\\u0000\\u202e<script>alert(1)</script>\"}",
                "{\"refreshToken\":" + "9".repeat(400) + "}", "{\"username\":\"admin' OR '1'='1\",\"password\":\"x' OR '1'='1\"}",
                "{\"title\":\"ok\",\"description\":\"" + "d".repeat(6000) + "\"}"));
        List<byte[]> out = new ArrayList<>();
        for (String t : texts) out.add(t.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 12; i++) {
            byte[] junk = new byte[random.nextInt(2000)];
            random.nextBytes(junk);
            out.add(junk);
        }
        out.add(new byte[]{(byte) 0xC3, (byte) 0x28, '{', '}'}); // invalid UTF-8
        return out;
    }

    static List<String[]> socialRoutes() {
        List<String[]> routes = new ArrayList<>();
        for (String id : List.of(othersVideo, commentedVideo, "AAAAAAAAAAA", "not-an-id", "..%2f..%2fetc", "%00")) {
            for (String[] r : new String[][]{{"GET", "/api/v1/videos/" + id + "/comments"}, {"POST", "/api/v1/videos/" + id + "/comments"},
                    {"GET", "/api/v1/videos/" + id + "/like"}, {"PUT", "/api/v1/videos/" + id + "/like"},
                    {"DELETE", "/api/v1/videos/" + id + "/like"}}) routes.add(r);
        }
        for (String id : List.of(ownComment, "AAAAAAAAAAA", "not-an-id", "%00")) {
            for (String[] r : new String[][]{{"PATCH", "/api/v1/comments/" + id}, {"DELETE", "/api/v1/comments/" + id},
                    {"GET", "/api/v1/comments/" + id + "/replies?cursor=%25%25"}, {"PUT", "/api/v1/comments/" + id + "/like"},
                    {"DELETE", "/api/v1/comments/" + id + "/like"}}) routes.add(r);
        }
        for (String name : List.of("someone", "attacker", "no-such-user", "x", "a%2Fb", "%00", "' OR 1=1 --")) {
            String path = "/api/v1/users/" + name.replace(" ", "%20").replace("'", "%27") + "/subscription";
            for (String method : List.of("GET", "PUT", "DELETE")) routes.add(new String[]{method, path});
        }
        routes.addAll(List.of(new String[]{"GET", "/api/v1/users/me/subscriptions"}, new String[]{"GET", "/api/v1/notifications"},
                new String[]{"GET", "/api/v1/notifications?cursor=AAAA&limit=-5"}, new String[]{"GET", "/api/v1/notifications?limit=x"},
                new String[]{"POST", "/api/v1/notifications/read"},
                new String[]{"GET", "/api/v1/videos/" + commentedVideo + "/comments?sort=%27&limit=1e9&cursor=AAAAAAAAAAAAAAAAAAAAAA"}));
        return routes;
    }

    static List<byte[]> socialBodies(Random random) {
        List<byte[]> out = new ArrayList<>(bodies(random));
        for (String t : List.of("{\"text\":null}", "{\"text\":123}", "{\"text\":[\"a\"]}", "{\"text\":{\"$ne\":1}}",
                "{\"text\":\"hi\",\"parentId\":{\"x\":1}}", "{\"text\":\"hi\",\"parentId\":\"" + "A".repeat(5000) + "\"}",
                "{\"text\":\"" + "x".repeat(100_000) + "\"}", "{\"text\":\"\\u0000\\u0007\\u202e\"}", "{\"ids\":\"x\"}",
                "{\"ids\":[null]}", "{\"ids\":[1,2]}", "{\"ids\":[" + "\"AAAAAAAAAAA\",".repeat(600) + "\"AAAAAAAAAAA\"]}")) {
            out.add(t.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void noRouteAnswersHostileInputWithA500OrAStackTrace() throws Exception {
        Random random = new Random(20261122);
        List<String> failures = send(routes(), bodies(random), random, new String[]{"application/json", "application/offset+octet-stream"},
                new String[]{null, "Bearer " + token, BAD_TOKEN, "Basic Zm9vOmJhcg=="});
        assertThat(failures).isEmpty();
        // Nothing hostile changed someone else's video.
        assertThat(site.call("GET", "/api/v1/videos/" + othersVideo, null, token).status()).isEqualTo(404);
    }

    @Test
    void noSocialRouteAnswersHostileInputWithA500OrAStackTrace() throws Exception {
        Random random = new Random(20261122);
        List<String> failures = send(socialRoutes(), socialBodies(random), random, new String[]{"application/json", "text/plain"},
                new String[]{null, "Bearer " + token, BAD_TOKEN});
        assertThat(failures).isEmpty();
        // Someone else's private video stayed out of reach, and the server still answers normally.
        assertThat(site.call("GET", "/api/v1/videos/" + othersVideo + "/comments", null, token).status()).isEqualTo(404);
        assertThat(site.call("GET", "/api/v1/videos/" + commentedVideo + "/comments", null, token).status()).isEqualTo(200);
    }

    private static final String BAD_TOKEN = "Bearer eyJhbGciOiJIUzI1NiJ9.e30.wrong";

    /** Every route with every body and every credential; what went wrong, one line each. */
    private static List<String> send(List<String[]> routes, List<byte[]> bodies, Random random, String[] contentTypes,
                                     String[] auths) throws Exception {
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (String[] route : routes) {
            boolean bodiless = route[0].equals("GET") || route[0].equals("HEAD");
            for (byte[] body : bodies) {
                for (String auth : auths) {
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.base() + route[1])).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", contentTypes[random.nextInt(contentTypes.length)])
                            .header("Tus-Resumable", "1.0.0")
                            .method(route[0], bodiless ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
                    if (auth != null) b.header("Authorization", auth);
                    HttpResponse<String> r = site.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                    requests++;
                    String what = route[0] + " " + route[1] + " auth=" + (auth == null ? "none" : auth.substring(0, 8)) + " -> " + r.statusCode();
                    if (r.statusCode() >= 500) failures.add(what + " " + r.body());
                    if (r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains("at dev.marquee"))
                        failures.add(what + " leaked: " + r.body().substring(0, Math.min(200, r.body().length())));
                    // tus answers its own protocol's errors without a body or in plain text
                    if (r.statusCode() >= 400 && !route[0].equals("HEAD") && !r.body().isEmpty()
                            && !r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                            && !route[1].contains("/upload"))
                        failures.add(what + " not problem JSON: " + r.headers().firstValue("Content-Type").orElse("?"));
                }
                if (bodiless) break; // the body does not matter there
            }
        }
        assertThat(requests).as("requests sent").isGreaterThan(1000);
        return failures;
    }
}
