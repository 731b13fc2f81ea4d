package dev.marquee.media.server.vod;

import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Date;

/** Conditional request rules of RFC 9110 §13 for a file identified by an ETag and a modification time. */
final class Conditionals {
    private Conditionals() {
    }

    /** True when the client's copy is current: If-None-Match wins over If-Modified-Since. */
    static boolean notModified(HttpHeaders request, String etag, long mtimeMillis) {
        String ifNoneMatch = request.get(HttpHeaderNames.IF_NONE_MATCH);
        if (ifNoneMatch != null) return matchesAny(ifNoneMatch, etag);
        String ifModifiedSince = request.get(HttpHeaderNames.IF_MODIFIED_SINCE);
        if (ifModifiedSince == null) return false;
        Date since = DateFormatter.parseHttpDate(ifModifiedSince);
        return since != null && mtimeMillis / 1000 <= since.getTime() / 1000;
    }

    /** If-Range: a Range applies only while the file is still the one the client holds part of. */
    static boolean rangeApplies(HttpHeaders request, String etag, long mtimeMillis) {
        String ifRange = request.get(HttpHeaderNames.IF_RANGE);
        if (ifRange == null) return true;
        String value = ifRange.trim();
        if (value.startsWith("\"") || value.startsWith("W/")) return value.equals(etag); // strong comparison only
        Date date = DateFormatter.parseHttpDate(value);
        return date != null && date.getTime() / 1000 == mtimeMillis / 1000;
    }

    /** Weak comparison against a comma-separated If-None-Match list, {@code *} matching anything. */
    private static boolean matchesAny(String header, String etag) {
        int from = 0;
        // Bounded: each pass consumes at least one character.
        while (from <= header.length()) {
            int comma = header.indexOf(',', from);
            if (comma < 0) comma = header.length();
            String candidate = header.substring(from, comma).trim();
            if (candidate.startsWith("W/")) candidate = candidate.substring(2);
            if (candidate.equals("*") || candidate.equals(etag)) return true;
            from = comma + 1;
        }
        return false;
    }
}
