package dev.marquee.platform.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaProberIT {

    @TempDir
    static Path dir;
    static FfmpegTools tools;
    static TestClips clips;
    static MediaProber prober;

    @BeforeAll
    static void setUp() {
        tools = FfmpegTools.locate(null);
        clips = new TestClips(tools, dir);
        prober = new MediaProber(tools);
    }

    @Test
    void describesALandscapeClipWithAudio() throws Exception {
        ProbeResult probe = prober.probe(clips.landscape());

        assertThat(probe.width()).isEqualTo(1280);
        assertThat(probe.height()).isEqualTo(720);
        assertThat(probe.durationSeconds()).isBetween(4.9, 5.1);
        assertThat(probe.hasAudio()).isTrue();
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.pixelFormat()).isEqualTo("yuv420p");
        assertThat(probe.frameRate()).isEqualTo(30.0);
        assertThat(probe.rotation()).isZero();
    }

    @Test
    void reportsTheDisplaySizeOfARotatedClip() throws Exception {
        ProbeResult probe = prober.probe(clips.rotated());

        assertThat(probe.rotation()).isIn(90, 270);
        assertThat(probe.width()).isEqualTo(240);
        assertThat(probe.height()).isEqualTo(320);
    }

    @Test
    void readsTenBitHevcAndVp9AndAv1() throws Exception {
        assertThat(prober.probe(clips.hevc10())).extracting(ProbeResult::videoCodec, ProbeResult::pixelFormat)
                .containsExactly("hevc", "yuv420p10le");
        assertThat(prober.probe(clips.vp9()).videoCodec()).isEqualTo("vp9");
        ProbeResult av1 = prober.probe(clips.av1());
        assertThat(av1.videoCodec()).isEqualTo("av1");
        assertThat(av1.hasAudio()).isFalse();
    }

    @Test
    void measuresTheDurationOfAStreamThatDoesNotSayIt() throws Exception {
        ProbeResult probe = prober.probe(clips.rawH264());

        assertThat(probe.durationSeconds()).isBetween(2.9, 3.1);
        assertThat(probe.width()).isEqualTo(320);
    }

    @Test
    void refusesATextFileNamedMp4() {
        assertRefused(TestClips::textNamedMp4, "This file is not a video ffmpeg can read");
    }

    @Test
    void refusesAnImage() {
        assertRefused(TestClips::png, "This is an image, not a video");
    }

    @Test
    void refusesAnEmptyFile() {
        assertRefused(TestClips::empty, "This file is empty");
    }

    @Test
    void refusesATruncatedMp4() {
        assertRefused(TestClips::truncated, "This file is truncated or damaged");
    }

    @Test
    void refusesATruncatedMp4WhoseIndexSurvived() {
        assertRefused(TestClips::truncatedFastStart, "This file is truncated or damaged");
    }

    @Test
    void refusesAudioOnly() {
        assertRefused(TestClips::audioOnly, "This file has no video stream (audio only)");
    }

    private static void assertRefused(Function<TestClips, Path> clip, String message) {
        Path input = clip.apply(clips);
        assertThatThrownBy(() -> prober.probe(input))
                .isInstanceOf(UnplayableMediaException.class)
                .hasMessage(message);
    }
}
