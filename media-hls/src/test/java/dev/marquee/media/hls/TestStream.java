package dev.marquee.media.hls;

import dev.marquee.media.core.flv.FlvTag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/** A synthetic live stream (public for the media server's tests): 30 fps video with a keyframe every so often and 44.1 kHz AAC, in timestamp order. */
public final class TestStream {
    static final int FPS = 30;
    static final double AUDIO_FRAME_MILLIS = 1024 * 1000.0 / 44100;

    private long keyframeEveryMillis = 1000;
    private boolean video = true;
    private boolean audio = true;
    private int videoFrameSize = 500;

    public static TestStream av() {
        return new TestStream();
    }

    static TestStream videoOnly() {
        TestStream s = new TestStream();
        s.audio = false;
        return s;
    }

    static TestStream audioOnly() {
        TestStream s = new TestStream();
        s.video = false;
        return s;
    }

    TestStream keyframeEvery(long millis) {
        keyframeEveryMillis = millis;
        return this;
    }

    TestStream videoFrameSize(int bytes) {
        videoFrameSize = bytes;
        return this;
    }

    /** The frames with timestamps in [from, to), interleaved by timestamp (video first on a tie). */
    List<FlvTag> frames(long from, long to) {
        List<FlvTag> frames = new ArrayList<>();
        int framesPerKey = (int) Math.max(1, keyframeEveryMillis * FPS / 1000);
        for (int i = 0; video; i++) {
            long ts = from + Math.round(i * 1000.0 / FPS);
            if (ts >= to) break;
            frames.add(Frames.avc(ts, i % framesPerKey == 0, 0, videoFrameSize));
        }
        for (int i = 0; audio; i++) {
            long ts = from + Math.round(i * AUDIO_FRAME_MILLIS);
            if (ts >= to) break;
            frames.add(Frames.aac(ts, 200));
        }
        frames.sort(Comparator.comparingLong(FlvTag::timestamp).thenComparing(t -> t.isAudio()));
        return frames;
    }

    /** Sequence headers at {@code from}, then the frames of [from, to). */
    public void feed(Consumer<FlvTag> sink, long from, long to) {
        if (video) sink.accept(Frames.avcConfig(from));
        if (audio) sink.accept(Frames.aacConfig(from));
        frames(from, to).forEach(sink);
    }
}
