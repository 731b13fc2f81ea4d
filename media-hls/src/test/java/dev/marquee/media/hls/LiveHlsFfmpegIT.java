package dev.marquee.media.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An H.264 + AAC FLV made by ffmpeg goes through the segmenter; ffprobe and ffmpeg judge the HLS that comes out. */
@Tag("it")
class LiveHlsFfmpegIT {
    @TempDir
    static Path dir;
    static String playlist;
    static List<Path> segments;

    @BeforeAll
    static void segmentAnEightSecondStream() throws Exception {
        Ffmpeg.run(dir, "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30", "-f", "lavfi",
                "-i", "sine", "-t", "8", "-c:v", "libx264", "-preset", "ultrafast", "-g", "30", "-c:a", "aac", "-f", "flv", "in.flv");
        LiveHlsSegmenter segmenter = new LiveHlsSegmenter();
        HlsOutput.readFlv(dir.resolve("in.flv"), segmenter::onFrame);
        segmenter.onEnd();
        playlist = segmenter.playlist();
        segments = HlsOutput.write(segmenter, dir);
    }

    @Test
    void playlistListsTwoSecondSegmentsAndEnds() {
        assertThat(playlist).startsWith("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n")
                .endsWith("#EXT-X-ENDLIST\n").doesNotContain("PROGRAM-DATE-TIME", "DISCONTINUITY");
        assertThat(segments).extracting(p -> p.getFileName().toString()).containsExactly("seg-0.ts", "seg-1.ts", "seg-2.ts", "seg-3.ts");
        assertThat(HlsOutput.durations(playlist)).allSatisfy(d -> assertThat(d).isCloseTo(2.0, within(0.05)));
    }

    @Test
    void everySegmentHasH264AndAacAtTheSourceSize() throws Exception {
        for (Path segment : segments) {
            List<Map<String, String>> video = Ffmpeg.streams(segment, "v", "codec_name,width,height");
            assertThat(video).as(segment.toString()).singleElement()
                    .satisfies(v -> assertThat(v).containsEntry("codec_name", "h264").containsEntry("width", "640").containsEntry("height", "360"));
            List<Map<String, String>> audio = Ffmpeg.streams(segment, "a", "codec_name,sample_rate,channels");
            assertThat(audio).as(segment.toString()).singleElement()
                    .satisfies(a -> assertThat(a).containsEntry("codec_name", "aac").containsEntry("sample_rate", "44100"));
        }
    }

    @Test
    void everySegmentStartsOnAKeyframeAndLastsAboutTwoSeconds() throws Exception {
        for (Path segment : segments) {
            assertThat(Ffmpeg.firstVideoFrame(segment)).as(segment.toString()).startsWith("1,I");
            assertThat(Ffmpeg.duration(segment)).as(segment.toString()).isCloseTo(2.0, within(0.15));
        }
    }

    @Test
    void ffmpegDecodesThePlaylistWithoutErrors() throws Exception {
        List<String> errors = Ffmpeg.run(dir, "ffmpeg", "-v", "error", "-i", "playlist.m3u8", "-f", "null", "-");
        assertThat(errors).isEmpty();
    }

    @Test
    void thePlaylistCoversTheWholeStream() throws Exception {
        List<String> frames = Ffmpeg.run(dir, "ffprobe", "-v", "error", "-count_frames", "-show_entries",
                "stream=codec_type,nb_read_frames", "-of", "csv=p=0", "playlist.m3u8");
        assertThat(frames).contains("video,240");
        int audioFrames = frames.stream().filter(l -> l.startsWith("audio,")).map(l -> Integer.parseInt(l.substring(6))).findFirst().orElseThrow();
        assertThat(audioFrames).isBetween(8 * 44100 / 1024 - 2, 8 * 44100 / 1024 + 2);
        assertThat(Files.size(dir.resolve("seg-0.ts")) % 188).isZero();
    }
}
