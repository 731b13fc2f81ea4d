package dev.marquee.media.hls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.core.flv.FlvTag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HEVC as Enhanced RTMP carries it (hvc1), beside AAC, comes out as fragmented-MP4 HLS (how Safari and hls.js
 * take HEVC) that ffmpeg decodes.
 */
@Tag("it")
class LiveHlsHevcIT {
    @TempDir
    Path dir;

    @Test
    void enhancedRtmpHevcWithAacPlays() throws Exception {
        Ffmpeg.run(dir, "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-t", "4",
                "-c:v", "libx265", "-preset", "ultrafast",
                "-x265-params", "aud=1:bframes=0:keyint=25:min-keyint=25:scenecut=0:log-level=error", "-f", "hevc", "video.h265");
        Ffmpeg.run(dir, "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine", "-t", "4", "-c:a", "aac", "-f", "flv", "audio.flv");
        List<FlvTag> tags = new ArrayList<>(HevcFlv.tags(Files.readAllBytes(dir.resolve("video.h265")), 25));
        for (FlvTag tag : HlsOutput.tags(dir.resolve("audio.flv"))) {
            if (tag.isAudio()) tags.add(tag);
            else tag.release();
        }
        // As a publisher sends them: both sequence headers, then the frames in timestamp order.
        tags.sort(Comparator.comparing((FlvTag t) -> !t.isSequenceHeader()).thenComparingLong(FlvTag::timestamp)
                .thenComparing(FlvTag::isAudio));

        LiveHlsSegmenter segmenter = new LiveHlsSegmenter();
        tags.forEach(segmenter::onFrame);
        segmenter.onEnd();
        List<Path> segments = HlsOutput.write(segmenter, dir);

        assertThat(segmenter.playlist()).doesNotContain("DISCONTINUITY");
        assertThat(segments).hasSize(2);
        assertThat(segmenter.playlist()).contains("#EXT-X-VERSION:7\n", "#EXT-X-MAP:URI=\"init-", ".m4s\n");
        for (Path fragment : segments) {
            Path segment = HlsOutput.playable(segmenter, fragment);
            assertThat(Ffmpeg.streams(segment, "v", "codec_name,width,height")).singleElement()
                    .satisfies(v -> assertThat(v).containsEntry("codec_name", "hevc").containsEntry("width", "320"));
            assertThat(Ffmpeg.streams(segment, "a", "codec_name")).singleElement().satisfies(a -> assertThat(a).containsEntry("codec_name", "aac"));
            assertThat(Ffmpeg.firstVideoFrame(segment)).startsWith("1,I");
        }
        assertThat(Ffmpeg.run(dir, "ffmpeg", "-v", "error", "-i", "playlist.m3u8", "-f", "null", "-")).isEmpty();
        assertThat(Ffmpeg.run(dir, "ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                "stream=nb_read_frames", "-of", "csv=p=0", "playlist.m3u8")).first().isEqualTo("100");
    }
}
