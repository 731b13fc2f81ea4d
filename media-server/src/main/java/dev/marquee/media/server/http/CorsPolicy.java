package dev.marquee.media.server.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Which browser origins may read media responses; the site and the media port usually differ in port or host. */
public final class CorsPolicy {
    private static final AsciiString ANY = AsciiString.cached("*");
    private static final AsciiString METHODS = AsciiString.cached("GET, HEAD, OPTIONS");
    private static final AsciiString REQUEST_HEADERS = AsciiString.cached("Range");
    private static final AsciiString ORIGIN = AsciiString.cached("Origin");
    private static final AsciiString EXPOSED = AsciiString.cached("Content-Length, Content-Range, Accept-Ranges");
    private static final AsciiString PREFLIGHT_MAX_AGE = AsciiString.cached("86400");

    private final boolean anyOrigin;
    private final Set<String> origins;

    public CorsPolicy(List<String> allowedOrigins) {
        this.anyOrigin = allowedOrigins.contains("*");
        // Browsers send origins without a trailing slash; tolerate one in configuration.
        this.origins = allowedOrigins.stream()
                .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o)
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean allows(String origin) {
        return anyOrigin || (origin != null && origins.contains(origin));
    }

    /** Adds the headers that let a page from {@code origin} read this response; idempotent. */
    public void decorate(String origin, HttpHeaders headers) {
        if (anyOrigin) {
            headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, ANY);
        } else {
            // The answer depends on Origin, so shared caches must key on it even when we refuse.
            headers.set(HttpHeaderNames.VARY, ORIGIN);
            if (origin == null || !origins.contains(origin)) return;
            headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        }
        headers.set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
    }

    /** Fills the headers of a 204 answer to an OPTIONS preflight. */
    public void preflight(String origin, HttpHeaders headers) {
        decorate(origin, headers);
        if (!allows(origin)) return;
        headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, METHODS);
        headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, REQUEST_HEADERS);
        headers.set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, PREFLIGHT_MAX_AGE);
    }
}
