package dev.marquee.media.live;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.marquee.media.live.LiveFixture.await;
import static dev.marquee.media.live.LiveFixture.settle;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A round over thousands of viewers takes tens of milliseconds. A frame that arrives while it runs must go to
 * the viewers the round has not reached yet, in the same round: otherwise the last viewers of every round get
 * each frame up to a whole round later than the first ones, on top of the flush interval (at 2,800 viewers,
 * 40 ms more added latency at the 99th percentile).
 */
class RoundTakesInLateFramesTest {

    @Test
    void aFrameThatArrivesDuringARoundReachesTheViewersItHasNotServedYet() {
        try (LiveFixture f = new LiveFixture(LiveFixture.testDefaults())) {
            List<RecordingSink> viewers = new ArrayList<>();
            LiveSource source = f.publish("long-round");
            f.publishStream(source, 0, 1_000);
            settle(source);
            for (int i = 0; i < ConsumerGroup.SLICE * 8; i++) viewers.add(f.viewer("long-round", f.loopA, f.flv));
            await("everyone caught up", () -> viewers.stream().allMatch(v -> v.count() >= 4));
            LiveFixture.sleep(150); // nothing left to serve
            RecordingSink first = viewers.getFirst();
            RecordingSink last = viewers.getLast();
            int firstWrites = first.writes();
            int lastWrites = last.writes();
            viewers.forEach(v -> v.busyWrites(Duration.ofNanos(100_000))); // a round: 512 × 0.1 ms, half the flush interval

            f.send(source, f.stream.interframe(1_000));
            await("the round started", () -> hasFrameAt(first, 1_000));
            f.send(source, f.stream.interframe(1_033)); // the round has some 45 ms to go, the next one starts in 100
            await("the last viewer got the late frame", () -> hasFrameAt(last, 1_033));
            await("the first viewer got it in the next round", () -> hasFrameAt(first, 1_033));

            assertThat(last.writes() - lastWrites).as("writes that brought the last viewer both frames").isEqualTo(1);
            assertThat(first.writes() - firstWrites).as("the first viewer, served before the late frame came").isEqualTo(2);
        }
    }

    private static boolean hasFrameAt(RecordingSink viewer, long timestamp) {
        return viewer.media().stream().anyMatch(r -> r.timestamp() == timestamp);
    }
}
