package dev.marquee.media.live;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GopCacheTest {
    private final TestStream stream = new TestStream(1_000, 100, 10);
    private final List<SharedFrame> made = new ArrayList<>();

    @AfterEach
    void everythingReleased() {
        stream.assertAllReleased();
    }

    @Test
    void holdsHeadersAndTheFramesSinceTheLastKeyframe() {
        GopCache gop = new GopCache(10_000, 1_000_000);
        stream.headers(0, t -> add(gop, t));
        stream.media(0, 2_500, 1_000, t -> add(gop, t));
        List<SharedFrame> replayed = replay(gop);
        assertThat(replayed.subList(0, 3)).extracting(SharedFrame::kind)
                .containsExactly(FrameKind.METADATA, FrameKind.VIDEO_HEADER, FrameKind.AUDIO_HEADER);
        assertThat(replayed.get(3).kind()).isEqualTo(FrameKind.SYNC_POINT);
        assertThat(replayed.get(3).timestamp()).isEqualTo(1_980);
        assertThat(replayed).hasSize(3 + stream.sinceLastKeyframe().size());
        release(replayed);
        gop.clear();
    }

    @Test
    void aGopLongerThanItsBoundIsDroppedUntilTheNextKeyframe() {
        GopCache gop = new GopCache(1_500, 1_000_000);
        stream.headers(0, t -> add(gop, t));
        stream.media(0, 2_000, 10_000, t -> add(gop, t)); // one keyframe, then 2 s of inter frames
        List<SharedFrame> replayed = replay(gop);
        assertThat(replayed).as("headers only").hasSize(3);
        release(replayed);

        add(gop, stream.keyframe(2_000));
        replayed = replay(gop);
        assertThat(replayed).hasSize(4);
        release(replayed);
        gop.clear();
    }

    @Test
    void aGopLargerThanItsByteBoundIsDroppedToo() {
        GopCache gop = new GopCache(10_000, 5_000);
        stream.media(0, 3_000, 10_000, t -> add(gop, t)); // 1 KB keyframe, then ~10 KB more in one GOP
        assertThat(replay(gop)).isEmpty();
        gop.clear();
    }

    private void add(GopCache gop, dev.marquee.media.core.flv.FlvTag tag) {
        SharedFrame frame = new SharedFrame(tag, FrameKind.of(tag, true), new FrameForm[0]);
        gop.add(frame);
        frame.release();
    }

    private static List<SharedFrame> replay(GopCache gop) {
        List<SharedFrame> out = new ArrayList<>();
        gop.replay(out::add);
        return out;
    }

    private static void release(List<SharedFrame> frames) {
        frames.forEach(SharedFrame::release);
    }
}
