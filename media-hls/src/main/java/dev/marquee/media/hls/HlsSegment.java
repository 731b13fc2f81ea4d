package dev.marquee.media.hls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.OptionalLong;

/**
 * One finished media segment, MPEG-TS ({@code seg-N.ts}) or a fragmented-MP4 fragment ({@code seg-N.m4s}, with
 * the init segment it needs, {@code init-V.mp4}): immutable, safe to share between threads and to serve many times.
 */
public final class HlsSegment {
    private static final String URI_PREFIX = "seg-";
    private static final String URI_SUFFIX = ".ts";
    private static final String FMP4_SUFFIX = ".m4s";
    private static final String INIT_PREFIX = "init-";
    private static final String INIT_SUFFIX = ".mp4";

    private final long sequence;
    private final long durationMillis;
    private final boolean discontinuity;
    private final byte[] bytes;
    private final int initVersion;
    private final byte[] init;

    HlsSegment(long sequence, long durationMillis, boolean discontinuity, byte[] bytes) {
        this(sequence, durationMillis, discontinuity, bytes, -1, null);
    }

    /** A fragmented-MP4 segment when {@code init} is not null; {@code initVersion} names that init segment. */
    HlsSegment(long sequence, long durationMillis, boolean discontinuity, byte[] bytes, int initVersion, byte[] init) {
        this.sequence = sequence;
        this.durationMillis = durationMillis;
        this.discontinuity = discontinuity;
        this.bytes = bytes;
        this.initVersion = init == null ? -1 : initVersion;
        this.init = init;
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

    /** The URI relative to the playlist: {@code seg-{sequence}.ts}, or {@code .m4s} for a fragment. */
    public String uri() {
        return init == null ? uri(sequence) : URI_PREFIX + sequence + FMP4_SUFFIX;
    }

    /** Whether this is a fragmented-MP4 fragment (it then has an init segment). */
    public boolean isFragment() {
        return init != null;
    }

    /** The version of the init segment a fragment needs; -1 for MPEG-TS. */
    public int initVersion() {
        return initVersion;
    }

    /** {@code init-{version}.mp4}, the URI of the init segment a fragment needs; null for MPEG-TS. */
    public String initUri() {
        return init == null ? null : initUri(initVersion);
    }

    /** A read-only view of the init segment a fragment needs; null for MPEG-TS. */
    public ByteBuf initContent() {
        return init == null ? null : Unpooled.wrappedBuffer(init).asReadOnly();
    }

    public static String initUri(int version) {
        return INIT_PREFIX + version + INIT_SUFFIX;
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
        if (uri == null || !uri.startsWith(URI_PREFIX)) return OptionalLong.empty();
        String suffix = uri.endsWith(URI_SUFFIX) ? URI_SUFFIX : uri.endsWith(FMP4_SUFFIX) ? FMP4_SUFFIX : null;
        if (suffix == null) return OptionalLong.empty();
        String digits = uri.substring(URI_PREFIX.length(), uri.length() - suffix.length());
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
