package dev.marquee.media.live;

import dev.marquee.media.core.flv.FlvTag;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.EventExecutor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Real event loops (one for the publisher, two for viewers), a registry, a test stream and two wire forms;
 * on close it ends everything and checks that every buffer was released.
 */
final class LiveFixture implements AutoCloseable {
    final DefaultEventExecutor publisherLoop = new DefaultEventExecutor();
    final DefaultEventExecutor loopA = new DefaultEventExecutor();
    final DefaultEventExecutor loopB = new DefaultEventExecutor();
    final TestStream stream;
    final CountingForm flv = new CountingForm("flv");
    final CountingForm rtmp = new CountingForm("rtmp");
    final RecordingListener events = new RecordingListener();
    final LiveRegistry registry;
    private final Map<RecordingSink, LiveConsumer> consumers = new IdentityHashMap<>();
    private final List<LiveSource> sources = new ArrayList<>();

    LiveFixture(LiveSettings settings) {
        this(settings, new TestStream());
    }

    LiveFixture(LiveSettings settings, TestStream stream) {
        this.stream = stream;
        this.registry = new LiveRegistry(settings, events);
    }

    /** Short grace so the fixture can end streams quickly; everything else as shipped. */
    static LiveSettings testDefaults() {
        return LiveSettings.defaults().withRepublishGrace(Duration.ofMillis(200));
    }

    LiveSource publish(String name) {
        PublishResult result = registry.publish(name, publisherLoop);
        assertThat(result).isInstanceOf(PublishResult.Published.class);
        LiveSource source = ((PublishResult.Published) result).source();
        if (!sources.contains(source)) sources.add(source);
        return source;
    }

    RecordingSink viewer(String name, EventExecutor loop, FrameForm form) {
        RecordingSink sink = new RecordingSink(loop, form);
        LiveConsumer consumer = registry.subscribe(name, sink).orElseThrow();
        synchronized (consumers) {
            consumers.put(sink, consumer);
        }
        return sink;
    }

    LiveConsumer consumer(RecordingSink sink) {
        synchronized (consumers) {
            return consumers.get(sink);
        }
    }

    /** Waits until the source's loop has handled everything handed to it so far. */
    static void settle(LiveSource source) {
        source.executor().submit(() -> { }).syncUninterruptibly();
    }

    /** Waits until the viewers' loops have taken in every join the source passed on, so all start in step. */
    void settleJoins(LiveSource source) {
        settle(source);
        loopA.submit(() -> { }).syncUninterruptibly();
        loopB.submit(() -> { }).syncUninterruptibly();
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out waiting for " + what);
            sleep(2);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Metadata, headers and {@code millis} of media from {@code fromMs}, keyframe every second. */
    void publishStream(LiveSource source, long fromMs, long millis) {
        stream.headers(fromMs, source::onFrame);
        stream.media(fromMs, millis, 1000, source::onFrame);
    }

    void send(LiveSource source, FlvTag tag) {
        source.onFrame(tag);
    }

    @Override
    public void close() {
        try {
            List<LiveConsumer> open;
            synchronized (consumers) {
                open = new ArrayList<>(consumers.values());
            }
            open.forEach(LiveConsumer::close);
            sources.forEach(LiveSource::onUnpublish);
            await("every tag body released", () -> stream.liveBodyBytes() == 0);
            await("every encoding released", () -> flv.liveBytes() == 0 && rtmp.liveBytes() == 0);
            stream.assertAllReleased();
            flv.assertAllReleased();
            rtmp.assertAllReleased();
            synchronized (consumers) {
                consumers.keySet().forEach(s -> assertThat(s.misuse()).as("sink misuse").isZero());
            }
        } finally {
            for (DefaultEventExecutor loop : List.of(publisherLoop, loopA, loopB)) {
                loop.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
            }
        }
        LeakRecordingDetector.assertNoLeakReported();
    }
}
