package dev.marquee.media.hls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.core.flv.FlvTag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Frames arrive on one thread while players read playlists and segments on another. */
class ConcurrentReadersTest {
    private static final int MAX_READS = 2_000_000;

    @Test
    void readersAlwaysSeeWholePlaylistsAndSegments() throws Exception {
        LiveHlsSegmenter segmenter = new LiveHlsSegmenter(
                HlsSettings.DEFAULTS.withPlaylistSize(3).withTargetDuration(Duration.ofMillis(500)));
        List<FlvTag> frames = new ArrayList<>();
        TestStream.av().keyframeEvery(500).videoFrameSize(200).feed(frames::add, 0, 60_000);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int[] reads = {0, 0};
        Thread reader = new Thread(() -> {
            try {
                while (reads[0] < MAX_READS) { // bounded; ends one pass after the writer is done
                    boolean last = !writing.get();
                    checkSnapshot(segmenter, reads);
                    reads[0]++;
                    if (last) break;
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "hls-reader");
        reader.start();
        frames.forEach(segmenter::onFrame);
        segmenter.onEnd();
        writing.set(false);
        reader.join(Duration.ofSeconds(60));

        assertThat(failure.get()).isNull();
        assertThat(reader.isAlive()).isFalse();
        assertThat(reads[0]).isPositive();
        assertThat(reads[1]).as("segments fetched").isPositive();
        assertThat(segmenter.playlist()).endsWith("#EXT-X-ENDLIST\n");
    }

    /** Each listed sequence follows the media sequence, and each segment still kept is whole. */
    private static void checkSnapshot(LiveHlsSegmenter segmenter, int[] reads) {
        String playlist = segmenter.playlist();
        long expected = -1;
        for (String line : playlist.split("\n")) {
            if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) expected = Long.parseLong(line.substring(22));
            if (line.startsWith("#")) continue;
            assertThat(HlsSegment.sequenceOf(line)).hasValue(expected);
            long sequence = expected++;
            segmenter.segment(sequence).ifPresent(segment -> {
                byte[] bytes = segment.toByteArray();
                assertThat(segment.sequence()).isEqualTo(sequence);
                assertThat(bytes.length % 188).isZero();
                assertThat(bytes[0]).isEqualTo((byte) 0x47);
                reads[1]++;
            });
        }
    }
}
