package dev.marquee.platform.account.internal;

import dev.marquee.platform.account.TokenPair;
import dev.marquee.platform.config.MarqueeProperties;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The browser session: HttpOnly SameSite=Lax cookies holding the access and refresh tokens, and a
 * readable CSRF cookie that pages echo back in a header or form field (double submit).
 */
@Component
public class SessionCookies {
    public static final String ACCESS = "marquee_access";
    public static final String REFRESH = "marquee_refresh";
    public static final String CSRF = "marquee_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";
    static final String CSRF_ATTRIBUTE = "marquee.csrf";

    private final boolean secure;
    private final SecureRandom random = new SecureRandom();

    SessionCookies(MarqueeProperties props) {
        this.secure = props.publicUrl().startsWith("https://");
    }

    void start(HttpServletResponse response, TokenPair tokens) {
        set(response, ACCESS, tokens.accessToken(), AccessTokens.LIFETIME, true);
        set(response, REFRESH, tokens.refreshToken(), DefaultAccountService.REFRESH_LIFETIME, true);
    }

    void end(HttpServletResponse response) {
        set(response, ACCESS, "", Duration.ZERO, true);
        set(response, REFRESH, "", Duration.ZERO, true);
    }

    /** The CSRF token of this browser, created (and set as a cookie) on first sight. */
    public String csrfToken(HttpServletRequest request, HttpServletResponse response) {
        Object cached = request.getAttribute(CSRF_ATTRIBUTE);
        if (cached instanceof String s) return s;
        String token = read(request, CSRF);
        if (token == null || token.length() < 20 || token.length() > 64) {
            byte[] raw = new byte[24];
            random.nextBytes(raw);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            set(response, CSRF, token, Duration.ofDays(365), false);
        }
        request.setAttribute(CSRF_ATTRIBUTE, token);
        return token;
    }

    static String read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) return null;
        for (Cookie c : cookies) if (c.getName().equals(name) && !c.getValue().isEmpty()) return c.getValue();
        return null;
    }

    private void set(HttpServletResponse response, String name, String value, Duration maxAge, boolean httpOnly) {
        ResponseCookie cookie = ResponseCookie.from(name, value).path("/").httpOnly(httpOnly).secure(secure)
                .sameSite("Lax").maxAge(maxAge).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
