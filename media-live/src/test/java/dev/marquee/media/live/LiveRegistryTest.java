package dev.marquee.media.live;

import dev.marquee.media.live.RecordingSink.Received;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.marquee.media.live.LiveFixture.await;
import static dev.marquee.media.live.LiveFixture.settle;
import static org.assertj.core.api.Assertions.assertThat;

class LiveRegistryTest {

    @Test
    void secondPublisherIsRefused() {
        try (LiveFixture f = new LiveFixture(LiveFixture.testDefaults())) {
            LiveSource source = f.publish("taken");
            assertThat(f.registry.publish("taken", f.loopA)).isEqualTo(new PublishResult.AlreadyPublishing("taken"));
            assertThat(f.registry.publish("other", f.loopA)).isInstanceOf(PublishResult.Published.class);
            f.registry.source("other").orElseThrow().onUnpublish();

            source.onUnpublish();
            settle(source); // takes effect on the stream's loop, after the frames sent before it
            assertThat(f.registry.publish("taken", f.loopA))
                    .as("within the grace the same stream comes back").isEqualTo(new PublishResult.Published(source, true));
            assertThat(source.isPublishing()).isTrue();
        }
    }

    @Test
    void republishWithinGraceKeepsViewersAndTimestampsIncrease() {
        LiveSettings settings = LiveFixture.testDefaults().withRepublishGrace(Duration.ofSeconds(5));
        try (LiveFixture f = new LiveFixture(settings)) {
            LiveSource source = f.publish("flaky");
            RecordingSink viewer = f.viewer("flaky", f.loopA, f.flv);
            f.publishStream(source, 0, 3_000);
            long firstSession = f.stream.mediaFrames();
            await("first session", () -> viewer.media().size() == firstSession);
            long lastBefore = viewer.received().getLast().timestamp();

            source.onUnpublish();
            settle(source);
            PublishResult again = f.registry.publish("flaky", f.publisherLoop);
            assertThat(again).isEqualTo(new PublishResult.Published(source, true));
            f.publishStream(source, 0, 2_000); // OBS starts its timestamps from zero again
            await("second session", () -> viewer.media().size() == f.stream.mediaFrames());

            List<Received> got = viewer.received();
            assertThat(got.stream().map(Received::timestamp).toList()).as("timestamps never go back").isSorted();
            List<Received> resumed = got.subList(got.size() - (f.stream.mediaFrames() - (int) firstSession) - 3, got.size());
            assertThat(resumed.getFirst().isMetadata()).isTrue();
            assertThat(resumed.getFirst().timestamp()).isGreaterThan(lastBefore);
            assertThat(resumed.get(1).isVideoHeader()).as("the new session's headers reach the viewer").isTrue();
            assertThat(resumed.get(3).isKeyframe()).isTrue();
            assertThat(viewer.ended()).isFalse();
            assertThat(f.consumer(viewer).droppedFrames()).isZero();
            assertThat(f.events.events()).containsOnlyOnce("started flaky").doesNotContain("ended flaky");
        }
    }

    @Test
    void viewerJoiningDuringGraceStartsWithTheNextSession() {
        LiveSettings settings = LiveFixture.testDefaults().withRepublishGrace(Duration.ofSeconds(5));
        try (LiveFixture f = new LiveFixture(settings)) {
            LiveSource source = f.publish("gap");
            RecordingSink watching = f.viewer("gap", f.loopA, f.flv); // its group keeps the last GOP, too
            f.publishStream(source, 0, 1_500);
            await("first session", () -> watching.media().size() == f.stream.mediaFrames());
            source.onUnpublish();
            settle(source);
            RecordingSink viewer = f.viewer("gap", f.loopA, f.flv);
            RecordingSink elsewhere = f.viewer("gap", f.loopB, f.flv);
            LiveFixture.sleep(100);
            assertThat(viewer.count()).as("nothing stale from the old session").isZero();
            assertThat(elsewhere.count()).as("nothing stale from the old session").isZero();

            f.publish("gap");
            f.publishStream(source, 0, 500);
            for (RecordingSink joiner : List.of(viewer, elsewhere)) {
                await("new session", () -> joiner.media().size() >= 10);
                assertThat(joiner.received().get(3).isKeyframe()).isTrue();
                assertThat(joiner.received().get(3).timestamp()).isGreaterThan(1_400);
            }
        }
    }

    @Test
    void viewersSeeACleanEndAfterGrace() {
        LiveSettings settings = LiveFixture.testDefaults().withRepublishGrace(Duration.ofMillis(300));
        try (LiveFixture f = new LiveFixture(settings)) {
            LiveSource source = f.publish("ending");
            RecordingSink a = f.viewer("ending", f.loopA, f.flv);
            RecordingSink b = f.viewer("ending", f.loopB, f.rtmp);
            f.publishStream(source, 0, 2_000);
            await("everything", () -> a.media().size() == f.stream.mediaFrames() && b.media().size() == f.stream.mediaFrames());

            long unpublished = System.nanoTime();
            source.onUnpublish();
            LiveFixture.sleep(150);
            assertThat(a.ended()).as("still within the grace").isFalse();
            await("a clean end", () -> a.ended() && b.ended());
            assertThat(Duration.ofNanos(System.nanoTime() - unpublished)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

            assertThat(f.registry.source("ending")).isEmpty();
            assertThat(f.registry.subscribe("ending", new RecordingSink(f.loopA, f.flv))).isEmpty();
            await("ended event", () -> f.events.events().contains("ended ending"));
            assertThat(f.registry.publish("ending", f.publisherLoop)).as("the name is free again")
                    .isInstanceOf(PublishResult.Published.class);
            f.registry.source("ending").orElseThrow().onUnpublish();
        }
    }

    @Test
    void viewerCountsAndListenerEvents() {
        try (LiveFixture f = new LiveFixture(LiveFixture.testDefaults())) {
            assertThat(f.registry.subscribe("nobody", new RecordingSink(f.loopA, f.flv))).isEmpty();
            LiveSource source = f.publish("counted");
            RecordingSink a = f.viewer("counted", f.loopA, f.flv);
            f.viewer("counted", f.loopB, f.flv);
            f.viewer("counted", f.loopB, f.rtmp);
            await("three viewers", () -> f.registry.viewerCount("counted") == 3);

            f.consumer(a).close();
            f.consumer(a).close(); // twice is harmless
            await("two viewers", () -> source.viewerCount() == 2);
            assertThat(f.registry.viewerCount("counted")).isEqualTo(2);

            source.onUnpublish();
            await("ended", () -> f.events.events().contains("ended counted"));
            assertThat(f.events.events()).containsExactly("started counted", "viewers counted 1", "viewers counted 2",
                    "viewers counted 3", "viewers counted 2", "ended counted");
            assertThat(f.registry.viewerCount("counted")).isZero();
        }
    }
}
