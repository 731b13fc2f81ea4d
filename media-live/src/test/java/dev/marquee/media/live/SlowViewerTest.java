package dev.marquee.media.live;

import dev.marquee.media.live.RecordingSink.Received;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static dev.marquee.media.live.LiveFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

class SlowViewerTest {

    /** 3 s / 4 MB backlog as shipped, 25 ms flushes so a sped-up stream still drains often. */
    private static LiveSettings settings() {
        return LiveFixture.testDefaults().withFlushInterval(Duration.ofMillis(25));
    }

    @Test
    void slowViewerSkipsToNextKeyframeAndDropsAreCounted() {
        try (LiveFixture f = new LiveFixture(settings())) {
            LiveSource source = f.publish("slow");
            RecordingSink slow = f.viewer("slow", f.loopA, f.flv);
            RecordingSink fast = f.viewer("slow", f.loopA, f.flv);
            await("joined", () -> source.viewerCount() == 2);

            f.stream.headers(0, source::onFrame);
            long[] streamMs = {0};
            f.stream.media(0, 12_000, 2_000, source::onFrame, () -> {
                streamMs[0] += 100;
                if (streamMs[0] == 1_000) slow.writable(false);  // stops reading after 1 s...
                if (streamMs[0] == 8_000) slow.writable(true);   // ...and comes back 7 s later
                LiveFixture.sleep(5);
            });
            int published = f.stream.mediaFrames();
            LiveConsumer slowConsumer = f.consumer(slow);
            await("slow viewer caught up", () -> slow.media().size() + slowConsumer.droppedFrames() == published);

            assertThat(slowConsumer.droppedFrames()).isPositive();
            List<Received> video = slow.media().stream().filter(Received::isVideo).toList();
            for (int i = 1; i < video.size(); i++) {
                if (video.get(i).timestamp() - video.get(i - 1).timestamp() > TestStream.VIDEO_FRAME_MS) {
                    assertThat(video.get(i).isKeyframe()).as("frame after a skip at %d", video.get(i).timestamp()).isTrue();
                }
            }
            assertThat(slow.media().getLast().timestamp()).as("the slow viewer reaches the live edge")
                    .isEqualTo(f.stream.sent().getLast().timestamp());
            assertThat(f.consumer(fast).droppedFrames()).isZero();
        }
    }

    @Test
    void fastViewerGetsEveryFrame() {
        try (LiveFixture f = new LiveFixture(settings())) {
            LiveSource source = f.publish("mixed");
            RecordingSink stalled = f.viewer("mixed", f.loopA, f.flv);
            RecordingSink sameLoop = f.viewer("mixed", f.loopA, f.flv);
            RecordingSink otherLoop = f.viewer("mixed", f.loopB, f.rtmp);
            stalled.writable(false);
            await("joined", () -> source.viewerCount() == 3);

            f.stream.headers(0, source::onFrame);
            f.stream.media(0, 10_000, 2_000, source::onFrame, () -> LiveFixture.sleep(5));
            List<Long> expected = f.stream.sent().stream().map(TestStream.Sent::timestamp).toList();
            for (RecordingSink fast : List.of(sameLoop, otherLoop)) {
                await("every frame", () -> fast.media().size() == expected.size());
                assertThat(fast.media().stream().map(Received::timestamp).toList()).isEqualTo(expected);
                assertThat(fast.received().stream().filter(Received::isHeader)).hasSize(3);
                assertThat(f.consumer(fast).droppedFrames()).isZero();
            }
            assertThat(f.consumer(stalled).droppedFrames()).isPositive();
        }
    }

    @Test
    void stalledViewerCostsBoundedMemory() {
        try (LiveFixture f = new LiveFixture(settings())) {
            LiveSource source = f.publish("stalled");
            RecordingSink stalled = f.viewer("stalled", f.loopA, f.flv);
            RecordingSink watching = f.viewer("stalled", f.loopB, f.flv);
            stalled.writable(false);
            await("joined", () -> source.viewerCount() == 2);

            // 60 s at ~2 Mb/s (15 MB, 30 MB with its encodings), 2 s GOP, at about 20x real time.
            AtomicLong peak = new AtomicLong();
            f.stream.headers(0, source::onFrame);
            f.stream.media(0, 60_000, 2_000, source::onFrame, () -> {
                LiveFixture.sleep(5);
                peak.accumulateAndGet(f.stream.liveBodyBytes() + f.flv.liveBytes(), Math::max);
            });
            await("the watching viewer got it all", () -> watching.media().size() == f.stream.mediaFrames());

            // Backlog 3 s + GOP cache 2 s + one drain of the sped-up stream, body and one encoding each: ~3.5 MB.
            assertThat(peak.get()).as("bytes held while a viewer is stalled").isLessThan(4_500_000L);
            assertThat(f.consumer(stalled).droppedFrames()).isGreaterThan(f.stream.mediaFrames() * 8L / 10);
            assertThat(stalled.count()).as("only the headers").isEqualTo(3);
        }
    }

    @Test
    void aViewerSkippingPastANewSequenceHeaderGetsItBeforeItsKeyframe() {
        try (LiveFixture f = new LiveFixture(settings())) {
            LiveSource source = f.publish("recoded");
            RecordingSink slow = f.viewer("recoded", f.loopA, f.flv);
            await("joined", () -> source.viewerCount() == 1);
            f.stream.headers(0, source::onFrame);
            f.stream.media(0, 1_000, 1_000, source::onFrame);
            await("first second", () -> slow.media().size() == f.stream.mediaFrames());
            slow.writable(false);

            f.send(source, f.stream.videoHeader(1_000)); // the encoder restarts with new settings
            f.stream.media(1_000, 5_000, 1_000, source::onFrame, () -> LiveFixture.sleep(5));
            LiveFixture.sleep(100);
            slow.writable(true);
            f.stream.media(6_000, 300, 1_000, source::onFrame);
            await("caught up", () -> slow.received().getLast().timestamp() >= 6_290);

            List<Received> got = slow.received();
            int resumedAt = -1;
            for (int i = 1; i < got.size(); i++) {
                if (got.get(i).timestamp() - got.get(i - 1).timestamp() > 100) resumedAt = i; // the jump's keyframe
            }
            assertThat(resumedAt).as("the viewer skipped").isPositive();
            assertThat(got.get(resumedAt).isKeyframe()).isTrue();
            assertThat(got.get(resumedAt - 1).isVideoHeader()).as("the new header right before it").isTrue();
            assertThat(got.get(resumedAt - 1).timestamp()).isEqualTo(1_000);
            assertThat(got.stream().filter(Received::isVideoHeader)).hasSize(2);
            assertThat(got.stream().filter(Received::isMetadata)).as("unchanged metadata is not re-sent").hasSize(1);
        }
    }

    @Test
    void viewersOnABlockedLoopResumeFromAKeyframeAndCostBoundedMemory() throws Exception {
        // Inbox bound: 200 KB backlog + 200 KB GOP cache = 400 KB, under a second of this stream.
        LiveSettings small = settings().withMaxBacklog(Duration.ofSeconds(3), 200_000)
                .withGopCache(Duration.ofSeconds(10), 200_000);
        try (LiveFixture f = new LiveFixture(small, new TestStream(20_000, 7_000, 300))) {
            LiveSource source = f.publish("blocked");
            RecordingSink blocked = f.viewer("blocked", f.loopA, f.flv);
            RecordingSink free = f.viewer("blocked", f.loopB, f.flv);
            await("joined", () -> source.viewerCount() == 2);
            f.stream.headers(0, source::onFrame);
            f.stream.media(0, 1_000, 1_000, source::onFrame);
            await("first second", () -> blocked.media().size() == f.stream.mediaFrames());

            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            f.loopA.execute(() -> {
                try {
                    release.await(); // a handler hogging the loop
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            AtomicLong peak = new AtomicLong();
            f.stream.media(1_000, 8_000, 1_000, source::onFrame, () -> {
                LiveFixture.sleep(5);
                peak.accumulateAndGet(f.stream.liveBodyBytes(), Math::max);
            });
            LiveFixture.settle(source);
            release.countDown();
            f.stream.media(9_000, 2_000, 1_000, source::onFrame, () -> LiveFixture.sleep(5));

            int published = f.stream.mediaFrames();
            await("free viewer", () -> free.media().size() == published);
            await("blocked viewer at the live edge", () -> blocked.media().getLast().timestamp() == f.stream.sent().getLast().timestamp());
            LiveConsumer consumer = f.consumer(blocked);
            assertThat(consumer.droppedFrames()).isPositive();
            assertThat(f.consumer(free).droppedFrames()).isZero();
            List<Received> video = blocked.media().stream().filter(Received::isVideo).toList();
            for (int i = 1; i < video.size(); i++) {
                if (video.get(i).timestamp() - video.get(i - 1).timestamp() > TestStream.VIDEO_FRAME_MS) {
                    assertThat(video.get(i).isKeyframe()).isTrue();
                }
            }
            // 8 s of stream (~2 MB) went by while the loop was blocked; its inbox stopped near 400 KB.
            assertThat(peak.get()).isLessThan(800_000L);
        }
    }
}
