package dev.marquee.media.core.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** The FourCC codes Enhanced RTMP uses to name codecs (they are also the ISO BMFF sample entry names). */
public final class FourCc {
    public static final String AVC = "avc1";
    public static final String HEVC = "hvc1";
    public static final String AV1 = "av01";
    public static final String VP9 = "vp09";
    public static final String VP8 = "vp08";
    public static final String OPUS = "Opus";
    public static final String AAC = "mp4a";
    public static final String AC3 = "ac-3";
    public static final String EAC3 = "ec-3";
    public static final String FLAC = "fLaC";
    public static final String MP3 = ".mp3";

    private FourCc() {}

    /** The four bytes at {@code index}, as ISO-8859-1 text. */
    public static String read(ByteBuf buf, int index) {
        return buf.toString(index, 4, StandardCharsets.ISO_8859_1);
    }

    /** The FourCC packed big-endian into an int, as on the wire. */
    public static int toInt(String fourCc) {
        if (fourCc.length() != 4) throw new IllegalArgumentException("FourCC must have 4 characters: " + fourCc);
        int value = 0;
        for (int i = 0; i < 4; i++) {
            char c = fourCc.charAt(i);
            if (c > 0xFF) throw new IllegalArgumentException("FourCC must be ISO-8859-1: " + fourCc);
            value = (value << 8) | c;
        }
        return value;
    }

    public static String fromInt(int value) {
        char[] cc = {(char) (value >>> 24), (char) ((value >>> 16) & 0xFF), (char) ((value >>> 8) & 0xFF), (char) (value & 0xFF)};
        return new String(cc);
    }
}
