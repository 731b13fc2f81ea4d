package dev.marquee.media.hls;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.marquee.media.core.flv.FlvTag;
import io.netty.buffer.Unpooled;

/**
 * Any sequence of frames a publisher can send (any type, timestamps that jump, any bodies: H.264, HEVC, AV1,
 * AAC headers and frames or junk): the segmenter never throws, and what its playlist names can be fetched,
 * init segments included. Input: tags of [type][timestamp step, 2 bytes][length, 2 bytes][body].
 */
class LiveHlsSegmenterFuzzTest {
    private static final int[] TYPES = {FlvTag.AUDIO, FlvTag.VIDEO, FlvTag.SCRIPT};

    @FuzzTest(maxDuration = "60s")
    void feed(byte[] input) {
        LiveHlsSegmenter segmenter = new LiveHlsSegmenter(HlsSettings.DEFAULTS.withTargetDuration(java.time.Duration.ofMillis(500)));
        long timestamp = 0;
        int i = 0;
        while (i + 5 <= input.length) {
            int type = TYPES[(input[i] & 0xFF) % TYPES.length];
            int step = ((input[i + 1] & 0xFF) << 8 | (input[i + 2] & 0xFF)) - 0x100; // mostly forward, sometimes back
            int length = Math.min((input[i + 3] & 0xFF) << 8 | (input[i + 4] & 0xFF), input.length - i - 5);
            timestamp = Math.max(0, timestamp + step);
            segmenter.onFrame(new FlvTag(type, timestamp, Unpooled.copiedBuffer(input, i + 5, length)));
            i += 5 + length;
        }
        segmenter.onEnd();
        for (String line : segmenter.playlist().split("\n")) {
            if (line.startsWith("#EXT-X-MAP:URI=\"init-")) {
                int version = Integer.parseInt(line.substring(line.indexOf("init-") + 5, line.lastIndexOf(".mp4")));
                assertThat(segmenter.initSegment(version)).as(line).isPresent();
            } else if (!line.startsWith("#") && !line.isBlank()) {
                assertThat(segmenter.segment(HlsSegment.sequenceOf(line).orElseThrow())).as(line).isPresent();
            }
        }
    }
}
