package dev.marquee.media.live;

import dev.marquee.media.live.RecordingSink.Received;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.marquee.media.live.LiveFixture.await;
import static dev.marquee.media.live.LiveFixture.settle;
import static org.assertj.core.api.Assertions.assertThat;

class LiveSourceTest {

    @Test
    void lateViewerStartsAtLastKeyframe() {
        try (LiveFixture f = new LiveFixture(LiveFixture.testDefaults())) {
            LiveSource source = f.publish("late");
            f.publishStream(source, 0, 3_500); // keyframes at 0, 1000, 2000, 3000
            settle(source);

            RecordingSink late = f.viewer("late", f.loopA, f.flv);
            await("the GOP replay", () -> late.count() >= 4);
            List<Received> got = late.received();
            assertThat(got.get(0).isMetadata()).isTrue();
            assertThat(got.get(1).isVideoHeader()).isTrue();
            assertThat(got.get(2).isAudioHeader()).isTrue();
            assertThat(got.get(3).isKeyframe()).isTrue();
            assertThat(got.get(3).timestamp()).isEqualTo(2970); // the 91st frame at 33 ms: the last keyframe
            assertThat(late.startedCalls()).isEqualTo(1);

            int fromLastKeyframe = f.stream.mediaFrames() - f.stream.sinceLastKeyframe().size();
            f.stream.media(3_500, 1_000, 1000, source::onFrame);
            List<Long> expected = f.stream.sent().subList(fromLastKeyframe, f.stream.mediaFrames()).stream()
                    .map(TestStream.Sent::timestamp).toList();
            await("frames after the join", () -> late.media().size() == expected.size());
            assertThat(late.media().stream().map(Received::timestamp).toList())
                    .as("every frame from the last keyframe on, in order").isEqualTo(expected);
        }
    }

    @Test
    void viewerOfANewStreamWaitsForTheFirstKeyframe() {
        try (LiveFixture f = new LiveFixture(LiveFixture.testDefaults())) {
            LiveSource source = f.publish("early");
            f.stream.headers(0, source::onFrame);
            f.send(source, f.stream.interframe(0)); // mid-GOP: unusable without its keyframe
            f.send(source, f.stream.audio(0));
            RecordingSink early = f.viewer("early", f.loopA, f.flv);
            for (long ts = 33; ts < 500; ts += 33) {
                f.send(source, f.stream.interframe(ts));
                f.send(source, f.stream.audio(ts));
            }
            f.send(source, f.stream.keyframe(500));
            await("the first keyframe", () -> early.media().stream().anyMatch(Received::isKeyframe));
            assertThat(early.media().getFirst().isKeyframe()).isTrue();
            assertThat(early.received().subList(0, 3)).allMatch(Received::isHeader);
        }
    }

    @Test
    void eachFrameIsEncodedOncePerFormWhateverTheViewerCount() {
        try (LiveFixture f = new LiveFixture(LiveFixture.testDefaults())) {
            LiveSource source = f.publish("popular");
            List<RecordingSink> sinks = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                sinks.add(f.viewer("popular", i % 2 == 0 ? f.loopA : f.loopB, i % 4 < 2 ? f.flv : f.rtmp));
            }
            await("100 viewers", () -> source.viewerCount() == 100);
            f.settleJoins(source); // a join taken in after the first frames is served on its own, from its own run

            f.publishStream(source, 0, 2_000);
            long frames = f.stream.mediaFrames() + 3;
            await("every viewer got every frame", () -> sinks.stream().allMatch(s -> s.count() == frames));

            assertThat(f.flv.encodings()).isEqualTo(frames);
            assertThat(f.rtmp.encodings()).isEqualTo(frames);
            for (CountingForm form : List.of(f.flv, f.rtmp)) {
                for (var loop : List.of(f.loopA, f.loopB)) {
                    List<Object> memory = sinks.stream().filter(s -> s.form() == form && s.executor() == loop)
                            .map(s -> s.received().get(10).memory()).distinct().toList();
                    assertThat(memory).as("all " + form + " viewers on one loop read the same bytes").hasSize(1);
                }
            }
        }
    }

    @Test
    void aFormThatJoinsLateIsEncodedOnFirstUseOnly() {
        try (LiveFixture f = new LiveFixture(LiveFixture.testDefaults())) {
            LiveSource source = f.publish("mixed");
            RecordingSink first = f.viewer("mixed", f.loopA, f.flv);
            f.publishStream(source, 0, 1_500);
            settle(source);
            await("first viewer", () -> first.count() > 0);

            int gop = 3 + f.stream.sinceLastKeyframe().size();
            RecordingSink a = f.viewer("mixed", f.loopA, f.rtmp);
            await("late form viewer", () -> a.count() == gop);
            int encodedForGop = f.rtmp.encodings();
            RecordingSink b = f.viewer("mixed", f.loopB, f.rtmp);
            await("second late form viewer", () -> b.count() == gop);
            assertThat(f.rtmp.encodings()).as("the second viewer reuses the first one's encodings").isEqualTo(encodedForGop);
        }
    }

    @Test
    void writesAreBatchedPerFlushInterval() {
        LiveSettings settings = LiveFixture.testDefaults().withFlushInterval(Duration.ofMillis(50));
        try (LiveFixture f = new LiveFixture(settings)) {
            LiveSource source = f.publish("batched");
            RecordingSink viewer = f.viewer("batched", f.loopA, f.flv);
            await("joined", () -> source.viewerCount() == 1);

            long started = System.nanoTime();
            f.stream.headers(0, source::onFrame);
            // 10 s of stream in about 1.5 s: some 730 frames, a frame every 2 ms or so.
            f.stream.media(0, 10_000, 1000, source::onFrame, () -> LiveFixture.sleep(15));
            long frames = f.stream.mediaFrames() + 3;
            await("all frames", () -> viewer.count() == frames);
            long elapsedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();

            assertThat(viewer.flushes()).as("flushes for %d frames in %d ms", frames, elapsedMs)
                    .isLessThan((int) (frames / 10))
                    .isLessThanOrEqualTo((int) (elapsedMs / 50) + 3);
            assertThat(viewer.writes()).as("a round's frames go out as one merged buffer")
                    .isLessThanOrEqualTo(viewer.flushes() + 3);
        }
    }

    @Test
    void viewersInStepShareOneMergedRunPerRound() {
        LiveSettings settings = LiveFixture.testDefaults().withFlushInterval(Duration.ofMillis(50));
        try (LiveFixture f = new LiveFixture(settings)) {
            LiveSource source = f.publish("together");
            List<RecordingSink> viewers = new ArrayList<>();
            for (int i = 0; i < 20; i++) viewers.add(f.viewer("together", f.loopA, f.flv));
            await("joined", () -> source.viewerCount() == 20);
            f.settleJoins(source);

            f.stream.headers(0, source::onFrame);
            f.stream.media(0, 4_000, 1000, source::onFrame, () -> LiveFixture.sleep(15));
            long frames = f.stream.mediaFrames() + 3;
            await("all frames", () -> viewers.stream().allMatch(v -> v.count() == frames));

            List<Long> expected = f.stream.sent().stream().map(TestStream.Sent::timestamp).toList();
            for (RecordingSink v : viewers) {
                assertThat(v.media().stream().map(Received::timestamp).toList()).as("every frame, in order").isEqualTo(expected);
                assertThat(v.writes()).as("writes for %d frames", frames).isLessThan((int) (frames / 5));
            }
            for (int frame : new int[] {10, 100, (int) frames - 1}) {
                assertThat(viewers.stream().map(v -> v.received().get(frame).memory()).distinct().toList())
                        .as("frame %d reached everyone in the same merged buffer", frame).hasSize(1);
            }
            assertThat(f.flv.encodings()).as("each frame still encoded once").isEqualTo(frames);
        }
    }

    @Test
    void viewersAtMorePositionsThanMergedRunsHoldStillGetEveryFrameInOrder() {
        LiveSettings settings = LiveFixture.testDefaults().withFlushInterval(Duration.ofMillis(20));
        try (LiveFixture f = new LiveFixture(settings)) {
            LiveSource source = f.publish("scattered");
            f.publishStream(source, 0, 100);
            settle(source);
            int count = MergedRuns.CAPACITY + 4;
            List<RecordingSink> viewers = new ArrayList<>();
            for (int i = 0; i < count; i++) viewers.add(f.viewer("scattered", f.loopA, f.flv));
            await("everyone started", () -> viewers.stream().allMatch(v -> v.count() == f.stream.mediaFrames() + 3));

            // Viewer i stops taking writes after frame i: each is left at a position of its own.
            for (int i = 0; i < count; i++) {
                f.send(source, f.stream.interframe(100 + i));
                int expected = f.stream.mediaFrames() + 3;
                List<RecordingSink> taking = viewers.subList(i, count);
                await("frame " + i + " reached the viewers still taking writes", () -> taking.stream().allMatch(v -> v.count() == expected));
                viewers.get(i).writable(false);
            }
            int[] writesBefore = viewers.stream().mapToInt(RecordingSink::writes).toArray();
            viewers.forEach(v -> v.writable(true));
            f.send(source, f.stream.interframe(100 + count));
            int all = f.stream.mediaFrames() + 3;
            await("everyone caught up", () -> viewers.stream().allMatch(v -> v.count() == all));

            List<Long> expected = f.stream.sent().stream().map(TestStream.Sent::timestamp).toList();
            for (RecordingSink v : viewers) {
                assertThat(v.media().stream().map(Received::timestamp).toList()).as("every frame, in order").isEqualTo(expected);
            }
            int extraWrites = 0;
            for (int i = 0; i < count; i++) extraWrites += viewers.get(i).writes() - writesBefore[i] - 1;
            assertThat(extraWrites).as("writes beyond one per viewer: those in step with no merged run, frame by frame")
                    .isGreaterThan(0);
        }
    }

    @Test
    void newcomerStartsBeforeARoundOverManyViewersEnds() throws Exception {
        try (LiveFixture f = new LiveFixture(LiveFixture.testDefaults())) {
            LiveSource source = f.publish("crowd");
            f.publishStream(source, 0, 1_000);
            settle(source);
            int crowd = ConsumerGroup.SLICE * 4;
            List<RecordingSink> viewers = new ArrayList<>();
            for (int i = 0; i < crowd; i++) viewers.add(f.viewer("crowd", f.loopA, f.flv));
            await("everyone caught up", () -> viewers.stream().allMatch(v -> v.count() >= 4));

            LiveFixture.sleep(150); // no drain pending: the next one is the frame's, queued right behind the hold
            long lastBefore = viewers.getLast().lastWrite();
            // Hold the viewers' loop while a frame (a round for everyone) and a newcomer (a join) queue up behind.
            java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
            f.loopA.execute(() -> {
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            LiveFixture.sleep(60); // past the flush interval: the frame's round is due at once
            f.send(source, f.stream.interframe(1_000));
            settle(source);
            RecordingSink newcomer = f.viewer("crowd", f.loopA, f.flv);
            settle(source);
            hold.countDown();

            await("the round reached the last viewer", () -> viewers.getLast().lastWrite() > lastBefore);
            await("the newcomer started", () -> newcomer.count() >= 4);
            assertThat(newcomer.firstWrite()).as("the newcomer was served before the round reached the last viewer")
                    .isLessThan(viewers.getLast().lastWrite());
        }
    }
}
