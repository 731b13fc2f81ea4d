package dev.marquee.bench.publish;

import dev.marquee.bench.scan.BenchStamp;
import dev.marquee.media.core.flv.FlvReader;
import dev.marquee.media.core.flv.FlvTag;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A pre-encoded FLV file held in memory: its metadata, sequence headers and frames, how long one loop lasts,
 * and the bitrate a viewer should receive when it is published looping.
 */
public final class SourceFile implements AutoCloseable {
    private static final int FLV_TAG_OVERHEAD = 11 + 4;

    private final List<FlvTag> tags;
    private final long loopMillis;

    private SourceFile(List<FlvTag> tags) {
        if (tags.stream().noneMatch(FlvTag::isVideo)) throw new IllegalArgumentException("the source has no video");
        this.tags = tags;
        this.loopMillis = tags.stream().mapToLong(FlvTag::timestamp).max().orElse(0) + frameInterval(tags);
    }

    public static SourceFile read(Path file) throws IOException {
        ByteBuf bytes = Unpooled.wrappedBuffer(Files.readAllBytes(file));
        List<FlvTag> tags = new ArrayList<>();
        try (FlvReader reader = new FlvReader()) {
            reader.feed(bytes, tags::add);
        } catch (RuntimeException e) {
            tags.forEach(FlvTag::release);
            throw e;
        }
        return new SourceFile(tags);
    }

    /** Every tag in file order; the bodies stay owned by this file. */
    public List<FlvTag> tags() {
        return tags;
    }

    /** One loop: the last timestamp plus one video frame interval, as ffmpeg's -stream_loop counts it. */
    public long loopMillis() {
        return loopMillis;
    }

    /**
     * What a viewer receives per second when the file is published looping (FLV framing, and the stamp in
     * every AVC frame when stamped); sequence headers and metadata are sent once and left out.
     */
    public double kbps(boolean stamped) {
        long bytes = 0;
        for (FlvTag tag : tags) {
            if (tag.isScript() || tag.isSequenceHeader()) continue;
            bytes += tag.size() + FLV_TAG_OVERHEAD;
            if (stamped && isAvcFrame(tag)) bytes += BenchStamp.SIZE;
        }
        return bytes * 8.0 / loopMillis;
    }

    /** An AVC frame (not a sequence header) in the legacy FLV layout: where a stamp goes. */
    public static boolean isAvcFrame(FlvTag tag) {
        ByteBuf b = tag.body();
        return tag.isVideo() && b.readableBytes() > 5 && (b.getByte(b.readerIndex()) & 0x8F) == 7 && b.getByte(b.readerIndex() + 1) == 1;
    }

    /** NAL length size from the AVC sequence header, or 0 when there is none. */
    public int nalLengthSize() {
        for (FlvTag tag : tags) {
            ByteBuf b = tag.body();
            if (tag.isVideo() && tag.isSequenceHeader() && (b.getByte(b.readerIndex()) & 0x0F) == 7 && b.readableBytes() > 9) {
                return (b.getByte(b.readerIndex() + 9) & 0x03) + 1;
            }
        }
        return 0;
    }

    private static long frameInterval(List<FlvTag> tags) {
        long[] video = tags.stream().filter(t -> t.isVideo() && !t.isSequenceHeader()).mapToLong(FlvTag::timestamp).toArray();
        if (video.length < 2) return 0;
        long[] deltas = new long[video.length - 1];
        for (int i = 1; i < video.length; i++) deltas[i - 1] = video[i] - video[i - 1];
        Arrays.sort(deltas);
        return Math.max(0, deltas[deltas.length / 2]);
    }

    @Override
    public void close() {
        tags.forEach(FlvTag::release);
    }
}
