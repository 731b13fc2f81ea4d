package dev.marquee.bench.scan;

import java.nio.charset.StandardCharsets;

/**
 * The publisher's wall-clock send time inside a video frame: an H.264 SEI NAL unit (user data unregistered,
 * payload type 5) put first in every AVC frame. Servers pass NAL units through untouched, so RTMP and
 * HTTP-FLV viewers on the same machine read it back at a fixed offset of the tag body.
 *
 * <p>Layout after the 5-byte AVC tag header: 4-byte NAL length, 0x06 (SEI), 5 (payload type), 32 (payload
 * size), a 16-byte tag, 16 ASCII digits of epoch microseconds, 0x80 (RBSP trailing bits). Neither the tag nor
 * the digits contain a zero byte, so no emulation-prevention bytes are ever needed.
 */
public final class BenchStamp {
    static final byte[] TAG = "MarqueeBenchStmp".getBytes(StandardCharsets.US_ASCII);
    static final int DIGITS = 16;
    private static final int NAL_SEI = 0x06;
    private static final int USER_DATA_UNREGISTERED = 5;
    private static final int AVC_HEADER = 5;
    private static final int NAL_LENGTH = 4;
    /** NAL unit bytes, without its length prefix. */
    public static final int NAL_SIZE = 3 + 16 + DIGITS + 1;
    /** Bytes the stamp adds to a video tag body. */
    public static final int SIZE = NAL_LENGTH + NAL_SIZE;
    /** Body bytes a reader needs to see to find a stamp. */
    public static final int READ_BYTES = AVC_HEADER + NAL_LENGTH + 3 + 16 + DIGITS;

    private BenchStamp() {}

    /** The length-prefixed SEI NAL unit (4-byte length) carrying epochMicros, to insert after the AVC header. */
    public static byte[] lengthPrefixedSei(long epochMicros) {
        if (epochMicros < 0 || epochMicros > 9_999_999_999_999_999L) throw new IllegalArgumentException("micros " + epochMicros);
        byte[] out = new byte[SIZE];
        out[3] = (byte) NAL_SIZE;
        out[4] = NAL_SEI;
        out[5] = USER_DATA_UNREGISTERED;
        out[6] = (byte) (TAG.length + DIGITS);
        System.arraycopy(TAG, 0, out, 7, TAG.length);
        long v = epochMicros;
        for (int i = 7 + TAG.length + DIGITS - 1; i >= 7 + TAG.length; i--) {
            out[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        out[SIZE - 1] = (byte) 0x80;
        return out;
    }

    /**
     * The stamp in the first {@code length} bytes of an AVC video tag body, in epoch microseconds, or -1 when
     * there is none (another codec, a sequence header, an unstamped frame, or too few bytes).
     */
    public static long read(byte[] body, int length) {
        if (length < READ_BYTES) return -1;
        if ((body[0] & 0x80) != 0 || (body[0] & 0x0F) != 7 || body[1] != 1) return -1; // legacy AVC NALU only
        int p = AVC_HEADER;
        if (body[p] != 0 || body[p + 1] != 0 || body[p + 2] != 0 || (body[p + 3] & 0xFF) != NAL_SIZE) return -1;
        p += NAL_LENGTH;
        if (body[p] != NAL_SEI || body[p + 1] != USER_DATA_UNREGISTERED || body[p + 2] != TAG.length + DIGITS) return -1;
        p += 3;
        for (byte b : TAG) {
            if (body[p++] != b) return -1;
        }
        long v = 0;
        for (int i = 0; i < DIGITS; i++) {
            int d = body[p++] - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }
}
