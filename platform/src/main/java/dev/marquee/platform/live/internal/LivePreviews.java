package dev.marquee.platform.live.internal;

import dev.marquee.platform.config.MarqueeProperties;
import dev.marquee.platform.live.LiveChannel;
import dev.marquee.platform.transcode.StillGrabber;
import dev.marquee.platform.transcode.TranscodeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Takes the picture on live channels' cards: the first frame of the newest live HLS segment (a keyframe, so
 * one decode), as soon as a stream has a segment and then every {@code marquee.live-preview-interval} while
 * someone fetches it: a picture nobody looked at is not taken anew (each costs an ffmpeg, ~0.2 CPU-s, which
 * with 50 channels live was a fifth of a core). One ffmpeg at a time, niced, on one thread: a site with many
 * channels gets older pictures, never a busy CPU.
 */
@Component
class LivePreviews implements InitializingBean, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(LivePreviews.class);
    /** How often live channels are looked over; a new stream's first picture comes within this of its first segment. */
    static final Duration TICK = Duration.ofSeconds(3);
    /** A stream without a picture is tried each tick this many times (its first segment takes ~2 s), then every {@link #RETRY}. */
    static final int QUICK_TRIES = 5;
    /** After failed pictures (a codec ffmpeg cannot decode, say) the channel is tried again this much later. */
    static final Duration RETRY = Duration.ofSeconds(30);
    static final int HEIGHT = 360;
    private static final Duration FFMPEG_TIMEOUT = Duration.ofSeconds(15);

    private final LiveStreams streams;
    private final LiveUrls urls;
    private final StillGrabber grabber;
    private final Clock clock;
    private final Duration interval;
    /** Per live session: when its next picture is due, and how many tries in a row failed. */
    private record Due(Instant at, int failures) {}

    private final Map<Long, Due> due = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("live-previews").daemon().factory());

    LivePreviews(LiveStreams streams, LiveUrls urls, StillGrabber grabber, Clock clock, MarqueeProperties props) {
        this.streams = streams;
        this.urls = urls;
        this.grabber = grabber;
        this.clock = clock;
        this.interval = props.livePreviewInterval();
    }

    @Override
    public void afterPropertiesSet() {
        if (interval.isZero() || interval.isNegative()) return;
        scheduler.scheduleWithFixedDelay(this::takeDue, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Takes a picture of every live session whose picture is due. */
    void takeDue() {
        try {
            List<LiveChannel> live = streams.liveNow();
            due.keySet().retainAll(live.stream().map(LiveChannel::sessionId).toList());
            for (LiveChannel channel : live) {
                if (Thread.currentThread().isInterrupted()) return;
                Due next = due.get(channel.sessionId());
                if (next == null) {
                    take(channel, 0);
                } else if (!clock.instant().isBefore(next.at()) && (channel.previewAt() == null || streams.previewSeen(channel))) {
                    take(channel, next.failures());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Live previews failed this round", e); // the next round tries again
        }
    }

    private void take(LiveChannel channel, int failures) throws InterruptedException {
        try {
            byte[] jpeg = grabber.jpeg(List.of("-live_start_index", "-1"), urls.hlsOnThisNode(channel.username()),
                    HEIGHT, FFMPEG_TIMEOUT);
            Instant now = clock.instant();
            streams.previewTaken(channel, new LiveStreams.Preview(jpeg, now));
            due.put(channel.sessionId(), new Due(now.plus(interval), 0));
        } catch (TranscodeException e) {
            log.debug("No picture of {}'s stream this time: {}", channel.username(), e.getMessage());
            boolean quick = channel.previewAt() == null && failures + 1 < QUICK_TRIES;
            due.put(channel.sessionId(), new Due(clock.instant().plus(quick ? Duration.ZERO : RETRY), failures + 1));
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
