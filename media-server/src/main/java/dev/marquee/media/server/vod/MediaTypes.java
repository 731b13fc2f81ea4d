package dev.marquee.media.server.vod;

import io.netty.util.AsciiString;
import java.util.Locale;
import java.util.Map;

/** Content types of the files a transcode leaves behind, chosen by extension. */
final class MediaTypes {
    static final AsciiString OCTET_STREAM = AsciiString.cached("application/octet-stream");
    private static final Map<String, AsciiString> BY_EXTENSION = Map.ofEntries(
            Map.entry("m3u8", AsciiString.cached("application/vnd.apple.mpegurl")),
            Map.entry("m4s", AsciiString.cached("video/iso.segment")),
            Map.entry("mp4", AsciiString.cached("video/mp4")),
            Map.entry("m4a", AsciiString.cached("audio/mp4")),
            Map.entry("ts", AsciiString.cached("video/mp2t")),
            Map.entry("jpg", AsciiString.cached("image/jpeg")),
            Map.entry("jpeg", AsciiString.cached("image/jpeg")),
            Map.entry("png", AsciiString.cached("image/png")),
            Map.entry("webp", AsciiString.cached("image/webp")),
            Map.entry("vtt", AsciiString.cached("text/vtt; charset=utf-8")),
            Map.entry("json", AsciiString.cached("application/json")),
            Map.entry("flv", AsciiString.cached("video/x-flv")));

    private MediaTypes() {
    }

    static AsciiString of(String fileName) {
        AsciiString type = BY_EXTENSION.get(extension(fileName));
        return type != null ? type : OCTET_STREAM;
    }

    /** Playlists change while a video is being processed, so they get a short cache lifetime. */
    static boolean isPlaylist(String fileName) {
        return "m3u8".equals(extension(fileName));
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) return "";
        String ext = fileName.substring(dot + 1);
        for (int i = 0; i < ext.length(); i++) {
            if (Character.isUpperCase(ext.charAt(i))) return ext.toLowerCase(Locale.ROOT);
        }
        return ext;
    }
}
