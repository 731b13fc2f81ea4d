package dev.marquee.media.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streams with only one track, made by ffmpeg, come out as HLS with only that track. */
@Tag("it")
class LiveHlsTracksIT {
    @TempDir
    Path dir;

    @Test
    void audioOnlyStreamPlays() throws Exception {
        Ffmpeg.run(dir, "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine", "-t", "6", "-c:a", "aac", "-f", "flv", "in.flv");
        List<Path> segments = segment();
        assertThat(segments).hasSize(3);
        for (Path segment : segments) {
            assertThat(Ffmpeg.streams(segment, "v", "codec_name")).isEmpty();
            assertThat(Ffmpeg.streams(segment, "a", "codec_name")).singleElement().satisfies(a -> assertThat(a).containsEntry("codec_name", "aac"));
        }
        assertThat(Ffmpeg.run(dir, "ffmpeg", "-v", "error", "-i", "playlist.m3u8", "-f", "null", "-")).isEmpty();
        assertThat(Ffmpeg.duration(dir.resolve("playlist.m3u8"))).isCloseTo(6.0, within(0.1));
    }

    @Test
    void videoOnlyStreamPlays() throws Exception {
        Ffmpeg.run(dir, "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-t", "6",
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-f", "flv", "in.flv");
        List<Path> segments = segment();
        assertThat(segments).hasSize(3);
        for (Path segment : segments) {
            assertThat(Ffmpeg.streams(segment, "a", "codec_name")).isEmpty();
            assertThat(Ffmpeg.streams(segment, "v", "codec_name")).singleElement().satisfies(v -> assertThat(v).containsEntry("codec_name", "h264"));
            assertThat(Ffmpeg.firstVideoFrame(segment)).startsWith("1,I");
        }
        assertThat(Ffmpeg.run(dir, "ffmpeg", "-v", "error", "-i", "playlist.m3u8", "-f", "null", "-")).isEmpty();
        assertThat(Ffmpeg.run(dir, "ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                "stream=nb_read_frames", "-of", "csv=p=0", "playlist.m3u8")).first().isEqualTo("150");
    }

    private List<Path> segment() throws Exception {
        LiveHlsSegmenter segmenter = new LiveHlsSegmenter();
        HlsOutput.readFlv(dir.resolve("in.flv"), segmenter::onFrame);
        segmenter.onEnd();
        return HlsOutput.write(segmenter, dir);
    }
}
