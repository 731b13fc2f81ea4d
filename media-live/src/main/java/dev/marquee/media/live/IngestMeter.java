package dev.marquee.media.live;

import dev.marquee.media.core.codec.AudioCodec;
import dev.marquee.media.core.codec.VideoCodec;
import dev.marquee.media.core.flv.FlvTag;
import dev.marquee.media.core.flv.StreamMetadata;
import java.util.concurrent.TimeUnit;

/**
 * What a publisher sends, as a streamer checks it: codecs, the announced picture size, and over the last few
 * seconds of arrival the bitrate and frame rate, plus the keyframe interval. Fed on the source's loop; the
 * figures are published as one immutable {@link IngestStats} at most once a second, for any thread to read.
 * Also the tracks a player should expect: those {@code onMetaData} announces, and any that turns up unannounced.
 */
final class IngestMeter {
    /** Seconds of arrival the bitrate and frame rate are averaged over. */
    static final int WINDOW_SECONDS = 5;
    /** Whole seconds without a tag after which the publisher counts as sending nothing. */
    static final int STALL_SECONDS = 2;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final long[] bytes = new long[WINDOW_SECONDS];
    private final int[] videoFrames = new int[WINDOW_SECONDS];
    private long bucketSecond = Long.MIN_VALUE;
    private long firstSecond = Long.MIN_VALUE;
    private VideoCodec video;
    private AudioCodec audio;
    private int width;
    private int height;
    private long lastKeyframeTimestamp = -1;
    private long keyframeIntervalMillis;
    private volatile IngestStats published = IngestStats.NOTHING;
    private volatile StreamTracks tracks = StreamTracks.UNKNOWN;
    private boolean tracksAnnounced;
    /** The second of the newest arrival; read with {@link #published} on other threads. */
    private volatile long lastArrivalSecond = Long.MIN_VALUE;

    /** Loop: one tag from the publisher, arrived at {@code nowNanos} ({@link System#nanoTime}). */
    void onTag(FlvTag tag, long nowNanos) {
        long second = Math.floorDiv(nowNanos, SECOND);
        if (firstSecond == Long.MIN_VALUE) firstSecond = second;
        if (second != bucketSecond) advanceTo(second);
        lastArrivalSecond = second;
        int slot = (int) Math.floorMod(second, WINDOW_SECONDS);
        bytes[slot] += tag.size();
        if (tracksAnnounced && (tag.isAudio() ? !tracks.audio() : tag.isVideo() && !tracks.video())) {
            tracks = tag.isAudio() ? tracks.withAudio() : tracks.withVideo(); // there after all
        }
        if (tag.isScript()) {
            readMetadata(tag);
        } else if (tag.isSequenceHeader()) {
            if (tag.isVideo()) video = VideoCodec.detect(tag.body()).orElse(video);
            else audio = AudioCodec.detect(tag.body()).orElse(audio);
        } else if (tag.isVideo()) {
            videoFrames[slot]++;
            if (tag.isKeyframe()) {
                if (lastKeyframeTimestamp >= 0 && tag.timestamp() > lastKeyframeTimestamp) {
                    keyframeIntervalMillis = tag.timestamp() - lastKeyframeTimestamp;
                }
                lastKeyframeTimestamp = tag.timestamp();
            }
        } else if (tag.isAudio() && audio == null) {
            audio = AudioCodec.detect(tag.body()).orElse(null); // MP3 and others have no sequence header
        }
    }

    /** Any thread: the tracks a new viewer's FLV header names. */
    StreamTracks tracks() {
        return tracks;
    }

    /** A new publishing session (a reconnect): its codecs and sizes may differ, and its timestamps start over. */
    void sessionChanged() {
        video = null;
        audio = null;
        width = 0;
        height = 0;
        lastKeyframeTimestamp = -1;
        keyframeIntervalMillis = 0;
    }

    /**
     * Any thread: the figures as of the last whole second that had arrivals; if nothing has arrived for
     * {@value #STALL_SECONDS} seconds by {@code nowNanos}, the same with no bitrate or frame rate.
     */
    IngestStats stats(long nowNanos) {
        IngestStats stats = published;
        long upTo = lastArrivalSecond;
        return upTo != Long.MIN_VALUE && Math.floorDiv(nowNanos, SECOND) - upTo > STALL_SECONDS ? stats.stalled() : stats;
    }

    /** Publishes the seconds that ended, then clears the buckets a gap skipped (they received nothing). */
    private void advanceTo(long second) {
        if (bucketSecond != Long.MIN_VALUE) publish(bucketSecond);
        long from = bucketSecond == Long.MIN_VALUE ? second : Math.max(bucketSecond + 1, second - WINDOW_SECONDS + 1);
        for (long s = from; s <= second; s++) {
            int slot = (int) Math.floorMod(s, WINDOW_SECONDS);
            bytes[slot] = 0;
            videoFrames[slot] = 0;
        }
        bucketSecond = second;
    }

    /**
     * The window of whole seconds ending with {@code lastWhole}, or fewer while the stream is younger; the stream's
     * first second counts for none, as it began part-way through.
     */
    private void publish(long lastWhole) {
        int seconds = (int) Math.min(WINDOW_SECONDS, lastWhole - firstSecond);
        if (seconds <= 0) return;
        long windowBytes = 0;
        int windowFrames = 0;
        for (int i = 0; i < seconds; i++) {
            int slot = (int) Math.floorMod(lastWhole - i, WINDOW_SECONDS);
            windowBytes += bytes[slot];
            windowFrames += videoFrames[slot];
        }
        published = new IngestStats(video, audio, width, height, (double) windowFrames / seconds,
                windowBytes * 8 / seconds, keyframeIntervalMillis);
    }

    private void readMetadata(FlvTag tag) {
        StreamMetadata metadata = StreamMetadata.parse(tag.body());
        if (metadata == null) return; // another script tag, or unreadable: the stream plays without it
        width = metadata.width();
        height = metadata.height();
        if (metadata.audio() || metadata.video()) {
            tracks = new StreamTracks(metadata.audio(), metadata.video());
            tracksAnnounced = true;
        }
    }
}
