package dev.marquee.media.rtmp.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The query part of an RTMP stream name or app ({@code key?token=abc}). */
final class StreamQuery {
    private StreamQuery() {
    }

    /** The first value of a query parameter, URL-decoded, or null. */
    static String parameter(String query, String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
        return null;
    }
}
