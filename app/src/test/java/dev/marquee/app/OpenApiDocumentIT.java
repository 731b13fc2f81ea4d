package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The hand-written OpenAPI document at {@code /api/openapi.json} against the running server: it is served,
 * it is OpenAPI 3.1, it documents every API route the server has, it documents no route the server lacks,
 * and its main schemas name the fields the server really answers with.
 */
class OpenApiDocumentIT {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String DUMMY_ID = "AAAAAAAAAAA";
    private static final String DUMMY_UPLOAD_ID = "00000000-0000-0000-0000-000000000000";

    @TempDir
    static Path data;
    static RunningMarquee site;
    static JsonNode doc;

    @BeforeAll
    static void start() {
        site = new RunningMarquee(data);
        var r = site.call("GET", "/api/openapi.json", null, null);
        assertThat(r.status()).as("GET /api/openapi.json: %s", r.body()).isEqualTo(200);
        doc = r.json();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void isServedAsOpenApi31Json() {
        var r = site.call("GET", "/api/openapi.json", null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(doc.get("openapi").asString()).startsWith("3.1");
        assertThat(doc.get("info").get("title").asString()).isNotBlank();
        assertThat(doc.get("info").get("description").asString()).contains("/vod/{token}/{videoId}/", "master.m3u8");
        assertThat(doc.get("components").get("securitySchemes").get("bearerAuth").get("scheme").asString()).isEqualTo("bearer");
        JsonNode cookie = doc.get("components").get("securitySchemes").get("cookieSession");
        assertThat(cookie.get("in").asString()).isEqualTo("cookie");
        assertThat(cookie.get("name").asString()).isEqualTo("marquee_access");
        assertThat(cookie.get("description").asString()).contains("X-CSRF-Token");
        JsonNode problem = doc.get("components").get("schemas").get("Problem");
        assertThat(problem.get("properties").propertyNames()).contains("type", "title", "status", "detail");
        assertThat(problem.get("required").toString()).contains("title", "status", "detail");
    }

    @Test
    void documentsEveryApiRouteTheServerHas() {
        var mapping = site.context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) continue;
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                assertThat(methods).as("%s maps no explicit method; document which ones it serves", pattern).isNotEmpty();
                for (RequestMethod m : methods) {
                    if (m == RequestMethod.OPTIONS) continue;
                    served.add(m.name() + " " + pattern);
                }
            }
        }
        assertThat(served).as("API routes of the running server").isNotEmpty()
                .contains("POST /api/v1/users", "GET /api/v1/videos/{id}", "PATCH /api/v1/videos/{id}/upload/{uploadId}");

        Set<String> documented = documentedOperations();
        List<String> missing = served.stream().filter(op -> !documented.contains(op)).toList();
        assertThat(missing).as("routes the server has but /api/openapi.json does not document").isEmpty();
    }

    @Test
    void documentsNoRouteTheServerLacks() {
        List<String> unknown = new ArrayList<>();
        for (String op : documentedOperations()) {
            String method = op.substring(0, op.indexOf(' '));
            String path = op.substring(op.indexOf(' ') + 1)
                    .replace("{uploadId}", DUMMY_UPLOAD_ID).replace("{id}", DUMMY_ID).replaceAll("\\{[^}]+}", "x");
            // Anonymous calls with made-up ids: real routes answer 401, 404 "No such video.", 400, 200...,
            // never what an address without a handler gets (the unknown-route 404, or Spring's 405).
            var answer = site.call(method, path, null, null);
            var noRoute = site.call(method, path.replaceFirst("^/api/", "/api/no-such-route/"), null, null);
            boolean looksUnrouted = answer.status() == 405
                    || answer.status() == noRoute.status() && problemText(answer).equals(problemText(noRoute));
            if (looksUnrouted) unknown.add(op + " -> " + answer.status() + " " + answer.body());
        }
        assertThat(unknown).as("documented operations the server answers like an unknown route").isEmpty();
    }

    @Test
    void schemasNameTheFieldsTheServerAnswersWith() {
        var registered = site.call("POST", "/api/v1/users", Map.of("username", "openapi", "password", "correct horse"), null);
        assertThat(registered.status()).isEqualTo(201);
        assertThat(fieldNames(registered.json())).isEqualTo(schemaProperties("User"));

        var pair = site.call("POST", "/api/v1/auth/token", Map.of("username", "openapi", "password", "correct horse"), null);
        assertThat(pair.status()).isEqualTo(200);
        assertThat(fieldNames(pair.json())).isEqualTo(schemaProperties("TokenPair"));
        String token = pair.json().get("accessToken").asString();

        var me = site.call("GET", "/api/v1/users/me", null, token);
        assertThat(fieldNames(me.json())).isEqualTo(schemaProperties("Me"));

        var created = site.call("POST", "/api/v1/videos", Map.of("title", "Documented"), token);
        assertThat(created.status()).isEqualTo(201);
        Set<String> createdFields = new HashSet<>(schemaProperties("Video"));
        createdFields.add("upload");
        assertThat(fieldNames(created.json())).isEqualTo(createdFields);
        assertThat(created.json().get("id").asString()).matches("^[A-Za-z0-9_-]{11}$");

        var video = site.call("GET", "/api/v1/videos/" + created.json().get("id").asString(), null, token);
        assertThat(fieldNames(video.json())).isEqualTo(schemaProperties("Video"));

        var page = site.call("GET", "/api/v1/videos", null, null);
        assertThat(fieldNames(page.json())).isEqualTo(schemaProperties("VideoPage"));

        var key = site.call("GET", "/api/v1/live/key", null, token);
        assertThat(fieldNames(key.json())).isEqualTo(schemaProperties("StreamKey"));
        var rotated = site.call("POST", "/api/v1/live/key/rotate", null, token);
        assertThat(fieldNames(rotated.json())).isEqualTo(schemaProperties("StreamKey"));
        var title = site.call("PUT", "/api/v1/live/title", Map.of("title", "Documented stream"), token);
        assertThat(fieldNames(title.json())).isEqualTo(schemaProperties("LiveTitleSet"));
        var replays = site.call("PUT", "/api/v1/live/replays", Map.of("save", true), token);
        assertThat(fieldNames(replays.json())).isEqualTo(schemaProperties("LiveReplays"));
        var settings = site.call("GET", "/api/v1/live/settings", null, token);
        assertThat(fieldNames(settings.json())).isEqualTo(schemaProperties("LiveSettings"));
        var ingest = site.call("GET", "/api/v1/live/ingest", null, token);
        assertThat(fieldNames(ingest.json())).isEqualTo(schemaProperties("LiveIngest"));
        var live = site.call("GET", "/api/v1/live/openapi", null, null);
        assertThat(fieldNames(live.json())).isEqualTo(schemaProperties("LiveStatus"));

        var problem = site.call("GET", "/api/v1/videos/" + DUMMY_ID, null, null);
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
        assertThat(fieldNames(problem.json())).containsAll(requiredOf("Problem"));
    }


    /** "METHOD /path" for every operation of the document. */
    private static Set<String> documentedOperations() {
        Set<String> ops = new TreeSet<>();
        for (var path : doc.get("paths").properties()) {
            for (String key : path.getValue().propertyNames()) {
                if (HTTP_METHODS.contains(key)) ops.add(key.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }
        return ops;
    }

    private static Set<String> schemaProperties(String schema) {
        return new HashSet<>(doc.get("components").get("schemas").get(schema).get("properties").propertyNames());
    }

    private static Set<String> requiredOf(String schema) {
        Set<String> names = new HashSet<>();
        doc.get("components").get("schemas").get(schema).get("required").forEach(n -> names.add(n.asString()));
        return names;
    }

    /** Title and detail of a problem answer (not its instance, which names the path); "" without a body (HEAD). */
    private static String problemText(RunningMarquee.Response r) {
        if (r.body() == null || r.body().isBlank()) return "";
        JsonNode p = r.json();
        return p.path("title").asString("") + " / " + p.path("detail").asString("");
    }

    private static Set<String> fieldNames(JsonNode node) {
        return new HashSet<>(node.propertyNames());
    }
}
