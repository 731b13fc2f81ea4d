package dev.marquee.media.hls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.OptionalLong;

/** One finished MPEG-TS media segment: immutable, safe to share between threads and to serve many times. */
public final class HlsSegment {
    private static final String URI_PREFIX = "seg-";
    private static final String URI_SUFFIX = ".ts";

    private final long sequence;
    private final long durationMillis;
    private final boolean discontinuity;
    private final byte[] bytes;

    HlsSegment(long sequence, long durationMillis, boolean discontinuity, byte[] bytes) {
        this.sequence = sequence;
        this.durationMillis = durationMillis;
        this.discontinuity = discontinuity;
        this.bytes = bytes;
    }

    /** The media sequence number. */
    public long sequence() {
        return sequence;
    }

    public long durationMillis() {
        return durationMillis;
    }

    /** Whether the playlist puts {@code #EXT-X-DISCONTINUITY} before it (new codec configuration or timeline). */
    public boolean discontinuity() {
        return discontinuity;
    }

    /** The URI relative to the playlist: {@code seg-{sequence}.ts}. */
    public String uri() {
        return uri(sequence);
    }

    public int size() {
        return bytes.length;
    }

    /** A fresh read-only view of the bytes; unpooled, so releasing it (or not) is harmless. */
    public ByteBuf content() {
        return Unpooled.wrappedBuffer(bytes).asReadOnly();
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    public static String uri(long sequence) {
        return URI_PREFIX + sequence + URI_SUFFIX;
    }

    /** The sequence number named by a segment URI ({@code seg-12.ts} → 12), empty for any other name. */
    public static OptionalLong sequenceOf(String uri) {
        if (uri == null || !uri.startsWith(URI_PREFIX) || !uri.endsWith(URI_SUFFIX)) return OptionalLong.empty();
        String digits = uri.substring(URI_PREFIX.length(), uri.length() - URI_SUFFIX.length());
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(digits));
    }

    @Override
    public String toString() {
        return "HlsSegment[" + sequence + " " + durationMillis + "ms " + bytes.length + "B" + (discontinuity ? " discontinuity" : "") + "]";
    }
}
