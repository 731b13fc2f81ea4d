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

/** Hostile requests at the comment, like, subscription and notification routes: always a 4xx problem, never a 500. */
class SocialHostileInputIT {
    @TempDir
    static Path data;
    static RunningMarquee site;
    static String token;
    static String othersVideo;
    static String ownVideo;
    static String ownComment;

    @BeforeAll
    static void start() {
        site = new RunningMarquee(data);
        String other = site.signUp("someone");
        token = site.signUp("attacker");
        othersVideo = site.call("POST", "/api/v1/videos", Map.of("title", "not yours", "visibility", "private"), other)
                .json().get("id").asString();
        ownVideo = site.call("POST", "/api/v1/videos", Map.of("title", "mine"), token).json().get("id").asString();
        ownComment = site.call("POST", "/api/v1/videos/" + ownVideo + "/comments", Map.of("text", "mine"), token)
                .json().get("id").asString();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static List<String[]> routes() {
        List<String[]> routes = new ArrayList<>();
        for (String id : List.of(othersVideo, ownVideo, "AAAAAAAAAAA", "not-an-id", "..%2f..%2fetc", "%00")) {
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
                new String[]{"GET", "/api/v1/videos/" + ownVideo + "/comments?sort=%27&limit=1e9&cursor=AAAAAAAAAAAAAAAAAAAAAA"}));
        return routes;
    }

    static List<byte[]> bodies(Random random) {
        List<byte[]> out = new ArrayList<>(HostileInputIT.bodies(random));
        for (String t : List.of("{\"text\":null}", "{\"text\":123}", "{\"text\":[\"a\"]}", "{\"text\":{\"$ne\":1}}",
                "{\"text\":\"hi\",\"parentId\":{\"x\":1}}", "{\"text\":\"hi\",\"parentId\":\"" + "A".repeat(5000) + "\"}",
                "{\"text\":\"" + "x".repeat(100_000) + "\"}", "{\"text\":\"\\u0000\\u0007\\u202e\"}", "{\"ids\":\"x\"}",
                "{\"ids\":[null]}", "{\"ids\":[1,2]}", "{\"ids\":[" + "\"AAAAAAAAAAA\",".repeat(600) + "\"AAAAAAAAAAA\"]}")) {
            out.add(t.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void noSocialRouteAnswersHostileInputWithA500OrAStackTrace() throws Exception {
        Random random = new Random(20261122);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (String[] route : routes()) {
            for (byte[] body : bodies(random)) {
                for (String auth : new String[]{null, "Bearer " + token, "Bearer eyJhbGciOiJIUzI1NiJ9.e30.wrong"}) {
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.base() + route[1])).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", random.nextBoolean() ? "application/json" : "text/plain")
                            .method(route[0], route[0].equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
                    if (auth != null) b.header("Authorization", auth);
                    HttpResponse<String> r = site.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                    requests++;
                    String what = route[0] + " " + route[1] + " auth=" + (auth == null ? "none" : auth.substring(0, 8)) + " -> " + r.statusCode();
                    if (r.statusCode() >= 500) failures.add(what + " " + r.body());
                    if (r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains("at dev.marquee"))
                        failures.add(what + " leaked: " + r.body().substring(0, Math.min(200, r.body().length())));
                    if (r.statusCode() >= 400 && !r.body().isEmpty()
                            && !r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"))
                        failures.add(what + " not problem JSON: " + r.headers().firstValue("Content-Type").orElse("?"));
                }
                if (route[0].equals("GET")) break; // the body does not matter there
            }
        }
        assertThat(requests).isGreaterThan(1000);
        assertThat(failures).isEmpty();
        // Someone else's private video stayed out of reach, and the server still answers normally.
        assertThat(site.call("GET", "/api/v1/videos/" + othersVideo + "/comments", null, token).status()).isEqualTo(404);
        assertThat(site.call("GET", "/api/v1/videos/" + ownVideo + "/comments", null, token).status()).isEqualTo(200);
    }
}
