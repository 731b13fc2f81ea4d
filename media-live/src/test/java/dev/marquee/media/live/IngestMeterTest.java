package dev.marquee.media.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.marquee.media.core.amf.Amf0;
import dev.marquee.media.core.amf.Amf0EcmaArray;
import dev.marquee.media.core.codec.AudioCodec;
import dev.marquee.media.core.codec.VideoCodec;
import dev.marquee.media.core.flv.FlvTag;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The figures a streamer sees on the "Go live" page, from tags that arrive in real time. */
class IngestMeterTest {
    /** The arrival clock's origin: a whole second, so stream second N arrives in clock second START + N. */
    private static final long START = TimeUnit.HOURS.toNanos(7);

    private final IngestMeter meter = new IngestMeter();
    private final TestStream stream = new TestStream();

    @Test
    void measuresCodecsSizeBitrateFrameRateAndKeyframeIntervalOfWhatArrives() {
        stream.headers(0, tag -> feed(tag, 0)); // with metadata that announces no size
        feed(metadata(1280, 720), 0); // the newest announcement counts
        long[] bytes = {0};
        stream.media(0, 12_000, 2_000, tag -> {
            if (tag.timestamp() >= 7_000 && tag.timestamp() < 12_000) bytes[0] += tag.size(); // the last 5 whole seconds
            feed(tag, tag.timestamp());
        });
        feed(stream.audio(12_000), 12_000); // the first tag of second 12 closes second 11

        IngestStats stats = meter.stats(START + ms(12_000));
        assertThat(stats.video()).isEqualTo(VideoCodec.AVC);
        assertThat(stats.audio()).isEqualTo(AudioCodec.AAC);
        assertThat(stats.width()).isEqualTo(1280);
        assertThat(stats.height()).isEqualTo(720);
        assertThat(stats.frameRate()).as("one frame every 33 ms").isCloseTo(1000 / 33.0, within(0.3));
        assertThat(stats.bitsPerSecond()).isEqualTo(bytes[0] * 8 / 5);
        assertThat(stats.keyframeIntervalMillis()).as("61 frames of 33 ms rounded from 2 s").isEqualTo(61 * 33);
    }

    @Test
    void aPublisherThatStopsSendingCountsAsSendingNothingAfterTwoSeconds() {
        stream.headers(0, tag -> feed(tag, 0));
        stream.media(0, 5_000, 1_000, tag -> feed(tag, tag.timestamp()));
        assertThat(meter.stats(START + ms(5_500)).bitsPerSecond()).isPositive();
        assertThat(meter.stats(START + ms(6_900)).bitsPerSecond()).as("two whole seconds without a tag").isPositive();
        IngestStats stalled = meter.stats(START + ms(8_000));
        assertThat(stalled.bitsPerSecond()).isZero();
        assertThat(stalled.frameRate()).isZero();
        assertThat(stalled.video()).as("still the stream's codec").isEqualTo(VideoCodec.AVC);
    }

    @Test
    void theSecondAStreamBeganInCountsForNothingAsOnlyPartOfItHadArrivals() {
        stream.headers(0, tag -> feed(tag, 700));
        assertThat(meter.stats(START + ms(700))).as("nothing measured yet").isEqualTo(IngestStats.NOTHING);
        stream.media(0, 2_400, 1_000, tag -> feed(tag, 700 + tag.timestamp())); // arrivals from 0.7 s to 3.1 s
        assertThat(meter.stats(START + ms(3_100)).frameRate()).as("seconds 1 and 2, not 0.3 s of second 0")
                .isCloseTo(1000 / 33.0, within(1.0));
    }

    @Test
    void aGapInArrivalsLeavesNoOldBytesInTheWindow() {
        stream.headers(0, tag -> feed(tag, 0));
        stream.media(0, 3_000, 1_000, tag -> feed(tag, tag.timestamp()));
        // 4 s of silence, then 3 s of audio alone: the window holds only what came after the gap
        long[] bytes = {0};
        for (long ts = 7_000; ts < 10_000; ts += 23) {
            FlvTag audio = stream.audio(ts);
            if (ts >= 8_000) bytes[0] += audio.size();
            feed(audio, ts);
        }
        feed(stream.audio(10_000), 10_000);
        IngestStats stats = meter.stats(START + ms(10_000));
        assertThat(stats.frameRate()).isZero();
        assertThat(stats.bitsPerSecond()).as("seconds 5..9: two empty, then audio").isEqualTo(
                (bytes[0] + audioBytesIn(7_000, 8_000)) * 8 / 5);
    }

    @Test
    void aReconnectForgetsTheOldSessionsCodecsAndSize() {
        feed(metadata(1920, 1080), 0);
        stream.headers(0, tag -> feed(tag, 0));
        stream.media(0, 3_000, 1_000, tag -> feed(tag, tag.timestamp()));
        meter.sessionChanged();
        feed(stream.audio(3_100), 3_100);
        feed(stream.audio(4_100), 4_100);
        IngestStats stats = meter.stats(START + ms(4_100));
        assertThat(stats.video()).isNull();
        assertThat(stats.width()).isZero();
        assertThat(stats.keyframeIntervalMillis()).isZero();
        assertThat(stats.audio()).as("AAC frames name their codec too").isEqualTo(AudioCodec.AAC);
    }

    private long audioBytesIn(long fromMs, long toMs) {
        long n = 0;
        for (long ts = 7_000; ts < 10_000; ts += 23) if (ts >= fromMs && ts < toMs) n++;
        return n * 300;
    }

    @Test
    void theTracksAPlayerShouldExpectAreThoseTheMetadataAnnouncesAndAnyThatTurnsUpAfterAll() {
        assertThat(meter.tracks()).as("nothing known: both").isEqualTo(new StreamTracks(true, true));
        feed(stream.audio(0), 0);
        assertThat(meter.tracks()).as("frames before any announcement take nothing away").isEqualTo(new StreamTracks(true, true));

        feed(announcing("videocodecid", 7.0), 0); // ffmpeg publishing a picture without sound
        assertThat(meter.tracks()).isEqualTo(new StreamTracks(false, true));
        feed(stream.keyframe(33), 33);
        assertThat(meter.tracks()).isEqualTo(new StreamTracks(false, true));
        feed(stream.audio(46), 46);
        assertThat(meter.tracks()).as("unannounced audio after all").isEqualTo(new StreamTracks(true, true));

        feed(announcing("audiocodecid", 10.0), 60); // a sound-only stream (a radio show)
        assertThat(meter.tracks()).isEqualTo(new StreamTracks(true, false));
        feed(announcing("hasVideo", true), 70); // the flags, where a publisher sets them, count
        assertThat(meter.tracks()).isEqualTo(new StreamTracks(false, true));
        feed(metadata(1280, 720), 80); // announcing neither: what was known stays
        assertThat(meter.tracks()).isEqualTo(new StreamTracks(false, true));
    }

    private static FlvTag announcing(String key, Object value) {
        Amf0EcmaArray properties = new Amf0EcmaArray();
        properties.put(key, value);
        ByteBuf body = Unpooled.buffer();
        Amf0.encodeAll(body, "onMetaData", properties);
        return new FlvTag(FlvTag.SCRIPT, 0, body);
    }

    private void feed(FlvTag tag, long arrivalMs) {
        try {
            meter.onTag(tag, START + ms(arrivalMs));
        } finally {
            tag.release();
        }
    }

    private static FlvTag metadata(int width, int height) {
        Amf0EcmaArray properties = new Amf0EcmaArray();
        properties.put("width", (double) width);
        properties.put("height", (double) height);
        properties.put("framerate", 30.0);
        ByteBuf body = Unpooled.buffer();
        Amf0.encodeAll(body, "onMetaData", properties);
        return new FlvTag(FlvTag.SCRIPT, 0, body);
    }

    private static long ms(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
