package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser session: cookie sign-in, CSRF on every cookie-borne write, silent renewal, safe redirects. */
class PageSessionIT {
    @TempDir
    static Path data;
    static RunningMarquee site;

    @BeforeAll
    static void start() {
        site = new RunningMarquee(data);
        site.signUp("pageuser");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    final CookieManager cookies = new CookieManager();
    final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(site.base() + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> form(String path, String body) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(site.base() + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> json(String method, String path, String body, String csrf) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.base() + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (csrf != null) b.header("X-CSRF-Token", csrf);
        return browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    String signIn(String next) throws Exception {
        get("/login");
        String csrf = cookie("marquee_csrf");
        var r = form("/login", "username=pageuser&password=correct+horse&_csrf=" + csrf + "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(302);
        return r.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void signingInSetsHttpOnlyLaxCookiesAndReturnsToTheLocalPageAsked() throws Exception {
        assertThat(signIn("/my/videos")).endsWith("/my/videos");
        var me = json("GET", "/api/v1/users/me", null, null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("pageuser");
        assertThat(get("/my/videos").statusCode()).isEqualTo(200);
    }

    @Test
    void aSignInFormWithoutTheCsrfTokenIsRefused() throws Exception {
        get("/login");
        assertThat(form("/login", "username=pageuser&password=correct+horse").statusCode()).isEqualTo(403);
        assertThat(form("/login", "username=pageuser&password=correct+horse&_csrf=forged-token-forged-token").statusCode()).isEqualTo(403);
    }

    @Test
    void cookieBorneWritesNeedTheCsrfHeader() throws Exception {
        signIn("/");
        String csrf = cookie("marquee_csrf");
        assertThat(json("POST", "/api/v1/videos", "{\"title\":\"cross-site?\"}", null).statusCode()).isEqualTo(403);
        assertThat(json("POST", "/api/v1/videos", "{\"title\":\"cross-site?\"}", "wrong").statusCode()).isEqualTo(403);
        assertThat(json("POST", "/api/v1/videos", "{\"title\":\"from our page\"}", csrf).statusCode()).isEqualTo(201);
    }

    @Test
    void anExpiredAccessCookieIsRenewedFromTheRefreshCookie() throws Exception {
        signIn("/");
        String refresh = cookie("marquee_refresh");
        var store = cookies.getCookieStore();
        store.getCookies().stream().filter(c -> c.getName().equals("marquee_access")).toList()
                .forEach(c -> store.getURIs().forEach(u -> store.remove(u, c)));
        HttpCookie stale = new HttpCookie("marquee_access", "expired.or.garbage");
        stale.setPath("/");
        cookies.getCookieStore().add(URI.create(site.base()), stale);
        var me = json("GET", "/api/v1/users/me", null, null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(cookie("marquee_refresh")).isNotEqualTo(refresh); // rotated on use
        String setCookies = String.join("\n", me.headers().allValues("Set-Cookie"));
        assertThat(setCookies).contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void signedOutVisitorsAreSentToSignInAndUnknownPagesAre404() throws Exception {
        var upload = get("/upload");
        assertThat(upload.statusCode()).isEqualTo(302);
        assertThat(upload.headers().firstValue("Location").orElseThrow()).contains("/login?next=%2Fupload");
        assertThat(get("/c/nobody-here").statusCode()).isEqualTo(404);
        assertThat(get("/watch/AAAAAAAAAAA").statusCode()).isEqualTo(404);
        assertThat(get("/watch/AAAAAAAAAAA").body()).contains("<html").doesNotContain("Exception");
        assertThat(get("/").statusCode()).isEqualTo(200);
        assertThat(get("/c/pageuser").statusCode()).isEqualTo(200);
    }

    @Test
    void aCraftedNextParameterCannotSendPeopleElsewhere() throws Exception {
        for (String next : new String[]{"//evil.example/steal", "https://evil.example/", "/\\evil.example"}) {
            URI target = URI.create(site.base()).resolve(signIn(next));
            assertThat(target.getHost()).isEqualTo("127.0.0.1");
            assertThat(target.getPath()).isEqualTo("/");
        }
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        signIn("/");
        String csrf = cookie("marquee_csrf");
        assertThat(form("/logout", "_csrf=" + csrf).statusCode()).isEqualTo(302);
        assertThat(json("GET", "/api/v1/users/me", null, null).statusCode()).isEqualTo(401);
    }
}
