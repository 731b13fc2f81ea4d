package dev.marquee.bench.viewer;

import java.net.InetSocketAddress;
import java.net.URI;

/**
 * Where a viewer connects and what it asks for. {@code http://host:port/path} (HTTP-FLV) or
 * {@code rtmp://host[:1935]/app/stream[?query]}: the first path segment is the RTMP application, the rest
 * the stream name.
 */
public record PlayUrl(String scheme, String host, int port, String path, String app, String stream) {

    public static PlayUrl parse(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme();
        if (scheme == null || uri.getHost() == null) throw new IllegalArgumentException("not a URL: " + url);
        String raw = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return switch (scheme) {
            case "http" -> new PlayUrl(scheme, uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(),
                    (raw.isEmpty() ? "/" : raw) + query, "", "");
            case "rtmp" -> {
                String p = raw.startsWith("/") ? raw.substring(1) : raw;
                int slash = p.indexOf('/');
                if (slash <= 0 || slash == p.length() - 1) throw new IllegalArgumentException("RTMP URL needs /app/stream: " + url);
                yield new PlayUrl(scheme, uri.getHost(), uri.getPort() < 0 ? 1935 : uri.getPort(), raw, p.substring(0, slash),
                        p.substring(slash + 1) + query);
            }
            default -> throw new IllegalArgumentException("unsupported scheme " + scheme + " (http or rtmp)");
        };
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }

    /** rtmp://host:port/app, as connect's tcUrl. */
    public String tcUrl() {
        return "rtmp://" + host + ":" + port + "/" + app;
    }
}
