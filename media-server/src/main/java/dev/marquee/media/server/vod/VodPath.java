package dev.marquee.media.server.vod;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request target {@code /vod/{token}/{videoId}/{relative path}}, decoded and checked segment by segment.
 * Parsing refuses anything that could name a file outside the video's directory: dot segments, dot-prefixed
 * names, encoded slashes, backslashes, control characters.
 */
record VodPath(String token, String videoId, String relativePath, String fileName) {
    static final String PREFIX = "/vod/";
    private static final int MAX_SEGMENTS = 10;
    private static final int MAX_NAME_LENGTH = 255;

    static VodPath parse(String uri) throws VodRequestException {
        int end = uri.length();
        int query = uri.indexOf('?');
        if (query >= 0) end = query;
        int fragment = uri.indexOf('#');
        if (fragment >= 0 && fragment < end) end = fragment;
        if (!uri.startsWith(PREFIX)) {
            if (uri.startsWith("/")) throw VodRequestException.notFound();
            throw VodRequestException.badRequest("request target must be an absolute path");
        }
        List<String> segments = splitAndDecode(uri, PREFIX.length(), end);
        if (segments.size() < 3) {
            if (segments.size() == 2 && isVideoId(segments.get(0))) throw missingToken();
            throw VodRequestException.badRequest("expected /vod/{token}/{videoId}/{file}");
        }
        String token = segments.get(0);
        String videoId = segments.get(1);
        if (token.isEmpty() || (isVideoId(token) && !isVideoId(videoId))) throw missingToken();
        if (!isVideoId(videoId)) throw VodRequestException.badRequest("malformed video id");
        StringBuilder relative = new StringBuilder(end - PREFIX.length());
        for (int i = 2; i < segments.size(); i++) {
            String name = segments.get(i);
            if (!isSafeName(name)) throw VodRequestException.badRequest("malformed file path");
            if (i > 2) relative.append('/');
            relative.append(name);
        }
        return new VodPath(token, videoId, relative.toString(), segments.get(segments.size() - 1));
    }

    /** Video ids are 11 characters of the URL-safe base64 alphabet. */
    static boolean isVideoId(String s) {
        if (s.length() != 11) return false;
        for (int i = 0; i < s.length(); i++) {
            if (!isUrlSafe(s.charAt(i))) return false;
        }
        return true;
    }

    private static boolean isUrlSafe(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    /** A plain file or directory name: no separators, no control bytes, no hidden or dot names. */
    private static boolean isSafeName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.charAt(0) == '.') return false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == ':') return false;
        }
        return true;
    }

    private static VodRequestException missingToken() {
        return VodRequestException.forbidden("missing token");
    }

    private static List<String> splitAndDecode(String uri, int from, int end) throws VodRequestException {
        List<String> segments = new ArrayList<>(4);
        int start = from;
        for (int n = 0; n <= MAX_SEGMENTS; n++) {
            int slash = uri.indexOf('/', start);
            if (slash < 0 || slash > end) slash = end;
            segments.add(decode(uri, start, slash));
            if (slash == end) return segments;
            start = slash + 1;
        }
        throw VodRequestException.badRequest("path too deep");
    }

    /** Strict percent-decoding: a broken escape or invalid UTF-8 is an error, not a guess. */
    private static String decode(String uri, int start, int end) throws VodRequestException {
        boolean escaped = false;
        for (int i = start; i < end; i++) {
            char c = uri.charAt(i);
            if (c <= 0x20 || c >= 0x7f) throw VodRequestException.badRequest("invalid character in path");
            if (c == '%') escaped = true;
        }
        if (!escaped) return uri.substring(start, end);
        ByteBuffer bytes = ByteBuffer.allocate(end - start);
        for (int i = start; i < end; i++) {
            char c = uri.charAt(i);
            if (c != '%') {
                bytes.put((byte) c);
                continue;
            }
            if (i + 2 >= end) throw VodRequestException.badRequest("broken percent escape");
            int hi = Character.digit(uri.charAt(i + 1), 16);
            int lo = Character.digit(uri.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) throw VodRequestException.badRequest("broken percent escape");
            bytes.put((byte) (hi << 4 | lo));
            i += 2;
        }
        bytes.flip();
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw VodRequestException.badRequest("path is not UTF-8");
        }
    }
}
