package dev.marquee.platform.account.internal;

import dev.marquee.platform.account.AccountService;
import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.account.TokenPair;
import dev.marquee.platform.web.ProblemException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Finds who is calling: a Bearer access token (API clients) or the session cookies (pages), renewing
 * an expired cookie session from its refresh token. Requests that ride on cookies must prove they
 * come from our pages with the CSRF token.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AuthenticationFilter extends OncePerRequestFilter {
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> PAGE_FORMS = Set.of("/login", "/register", "/logout");

    private final AccountService accounts;
    private final SessionCookies cookies;

    AuthenticationFilter(AccountService accounts, SessionCookies cookies) {
        this.accounts = accounts;
        this.cookies = cookies;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/assets/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean viaCookie = false;
        if (authorization != null) {
            Optional<CurrentUser> user = authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? accounts.verifyAccessToken(authorization.substring(7).trim()) : Optional.empty();
            if (user.isEmpty()) {
                ProblemWriter.write(request, response, ProblemException.unauthorized("The access token is missing, invalid or expired."));
                return;
            }
            request.setAttribute(CurrentUser.ATTRIBUTE, user.get());
        } else {
            Optional<CurrentUser> user = fromCookies(request, response);
            user.ifPresent(u -> request.setAttribute(CurrentUser.ATTRIBUTE, u));
            viaCookie = user.isPresent();
        }
        boolean needsCsrf = UNSAFE.contains(request.getMethod())
                && (viaCookie || PAGE_FORMS.contains(request.getRequestURI()));
        if (needsCsrf && !csrfMatches(request, response)) {
            ProblemWriter.write(request, response, ProblemException.forbidden(
                    "The CSRF token is missing or wrong. Reload the page and try again."));
            return;
        }
        chain.doFilter(request, response);
    }

    private Optional<CurrentUser> fromCookies(HttpServletRequest request, HttpServletResponse response) {
        String access = SessionCookies.read(request, SessionCookies.ACCESS);
        Optional<CurrentUser> user = access == null ? Optional.empty() : accounts.verifyAccessToken(access);
        if (user.isPresent()) return user;
        String refresh = SessionCookies.read(request, SessionCookies.REFRESH);
        if (refresh == null) return Optional.empty();
        try {
            TokenPair renewed = accounts.refresh(refresh);
            cookies.start(response, renewed);
            return accounts.verifyAccessToken(renewed.accessToken());
        } catch (ProblemException e) {
            cookies.end(response);
            return Optional.empty();
        }
    }

    private boolean csrfMatches(HttpServletRequest request, HttpServletResponse response) {
        String expected = SessionCookies.read(request, SessionCookies.CSRF);
        if (expected == null) return false;
        String given = request.getHeader(SessionCookies.CSRF_HEADER);
        if (given == null && isForm(request)) given = request.getParameter(SessionCookies.CSRF_FIELD);
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.startsWith("application/x-www-form-urlencoded");
    }
}
