package dev.marquee.media.live;

import dev.marquee.media.core.flv.FlvTag;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Makes FLV tags the way OBS sends them (metadata, AVC and AAC headers, then 30 fps video with a keyframe
 * every GOP and AAC frames every ~23 ms) and remembers every body, so a test can check all were released.
 */
final class TestStream {
    static final int VIDEO_FRAME_MS = 33;
    static final int AUDIO_FRAME_MS = 23;

    private final List<ByteBuf> bodies = new CopyOnWriteArrayList<>();
    private final int keyframeBytes;
    private final int interframeBytes;
    private final int audioBytes;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    /** A media frame as it was made, in the order it was made. */
    record Sent(int type, long timestamp, boolean keyframe) {}

    /** About 2 Mb/s: 60 KB keyframes, 7 KB inter frames, 300 B audio. */
    TestStream() {
        this(60_000, 7_000, 300);
    }

    TestStream(int keyframeBytes, int interframeBytes, int audioBytes) {
        this.keyframeBytes = keyframeBytes;
        this.interframeBytes = interframeBytes;
        this.audioBytes = audioBytes;
    }

    FlvTag metadata(long ts) {
        byte[] name = "onMetaData".getBytes(StandardCharsets.US_ASCII);
        ByteBuf b = body(3 + name.length + 8);
        b.writeByte(0x02).writeShort(name.length).writeBytes(name);
        b.writeByte(0x08).writeInt(0).writeMedium(9); // empty ECMA array
        return new FlvTag(FlvTag.SCRIPT, ts, b);
    }

    FlvTag videoHeader(long ts) {
        ByteBuf b = body(16);
        b.writeByte(0x17).writeByte(0).writeMedium(0).writeBytes(new byte[] {1, 0x64, 0, 0x1f, (byte) 0xff});
        return new FlvTag(FlvTag.VIDEO, ts, b);
    }

    FlvTag audioHeader(long ts) {
        ByteBuf b = body(4);
        b.writeByte(0xAF).writeByte(0).writeByte(0x12).writeByte(0x10);
        return new FlvTag(FlvTag.AUDIO, ts, b);
    }

    FlvTag keyframe(long ts) {
        return video(0x17, ts, keyframeBytes);
    }

    FlvTag interframe(long ts) {
        return video(0x27, ts, interframeBytes);
    }

    FlvTag audio(long ts) {
        sent.add(new Sent(FlvTag.AUDIO, ts, false));
        ByteBuf b = body(audioBytes);
        b.writeByte(0xAF).writeByte(1).writeZero(audioBytes - 2);
        return new FlvTag(FlvTag.AUDIO, ts, b);
    }

    /** Metadata and both sequence headers at {@code ts}. */
    void headers(long ts, Consumer<FlvTag> out) {
        out.accept(metadata(ts));
        out.accept(videoHeader(ts));
        out.accept(audioHeader(ts));
    }

    /**
     * Media from {@code fromMs} (a keyframe) for {@code millis}, in timestamp order, a keyframe every
     * {@code gopMs} (rounded to whole frames); {@code pace} runs after each 100 ms of stream.
     */
    void media(long fromMs, long millis, long gopMs, Consumer<FlvTag> out, Runnable pace) {
        long gopFrames = Math.max(1, Math.round(gopMs / (double) VIDEO_FRAME_MS));
        long videoIndex = 0;
        long nextVideo = fromMs;
        long nextAudio = fromMs;
        long nextPace = fromMs + 100;
        long end = fromMs + millis;
        while (nextVideo < end || nextAudio < end) {
            if (nextVideo <= nextAudio && nextVideo < end) {
                out.accept(videoIndex++ % gopFrames == 0 ? keyframe(nextVideo) : interframe(nextVideo));
                nextVideo += VIDEO_FRAME_MS;
            } else {
                out.accept(audio(nextAudio));
                nextAudio += AUDIO_FRAME_MS;
            }
            if (Math.min(nextVideo, nextAudio) >= nextPace) {
                pace.run();
                nextPace += 100;
            }
        }
    }

    void media(long fromMs, long millis, long gopMs, Consumer<FlvTag> out) {
        media(fromMs, millis, gopMs, out, () -> {});
    }

    /** Video and audio frames made so far (not headers or metadata). */
    int mediaFrames() {
        return sent.size();
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The media a viewer joining now should get: from the last keyframe made on. */
    List<Sent> sinceLastKeyframe() {
        List<Sent> all = sent();
        int last = 0;
        for (int i = 0; i < all.size(); i++) if (all.get(i).keyframe()) last = i;
        return all.subList(last, all.size());
    }

    /** Bytes of bodies still referenced by someone. */
    long liveBodyBytes() {
        return bodies.stream().filter(b -> b.refCnt() > 0).mapToLong(ByteBuf::capacity).sum();
    }

    void assertAllReleased() {
        assertThat(bodies).as("tag bodies still referenced").allSatisfy(b -> assertThat(b.refCnt()).isZero());
    }

    private FlvTag video(int first, long ts, int size) {
        sent.add(new Sent(FlvTag.VIDEO, ts, first == 0x17));
        ByteBuf b = body(size);
        b.writeByte(first).writeByte(1).writeMedium(0).writeZero(size - 5);
        return new FlvTag(FlvTag.VIDEO, ts, b);
    }

    private ByteBuf body(int size) {
        ByteBuf b = Unpooled.buffer(size);
        bodies.add(b);
        return b;
    }
}
