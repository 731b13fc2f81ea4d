package dev.marquee.platform.transcode.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.platform.transcode.LadderPlan;
import dev.marquee.platform.transcode.ProbeResult;
import dev.marquee.platform.transcode.TranscodeOptions;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LadderCommandTest {

    private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    private static final Path INPUT = Path.of("/uploads/in:put.mov");

    private static List<String> command(ProbeResult probe, TranscodeOptions options) {
        return LadderCommand.build(FFMPEG, INPUT, probe, LadderPlan.of(probe),
                Storyboard.plan(probe.durationSeconds(), probe.width(), probe.height()), options);
    }

    /** The value after {@code option}; fails if the option is absent. */
    private static String after(List<String> args, String option) {
        int i = args.indexOf(option);
        assertThat(i).as(option).isNotNegative();
        return args.get(i + 1);
    }

    @Test
    void decodesOnceAndSplitsIntoEveryRungPosterAndStoryboard() {
        ProbeResult probe = new ProbeResult(60, 1920, 1080, true, "h264", "yuv420p", 30, 0, 30, 0, 1);

        List<String> args = command(probe, TranscodeOptions.defaults());

        assertThat(args.subList(0, 9)).containsExactly("/usr/bin/ffmpeg", "-hide_banner", "-nostdin", "-y",
                "-progress", "pipe:1", "-nostats", "-i", "file:/uploads/in:put.mov");
        assertThat(Collections.frequency(args, "-i")).isEqualTo(1);
        assertThat(after(args, "-filter_complex")).isEqualTo(
                "[0:0]fps=30/1,format=yuv420p,split=7[s0][s1][s2][s3][s4][sp][ss]"
                        + ";[s0]scale=1920:1080,setsar=1[v0];[s1]scale=1280:720,setsar=1[v1]"
                        + ";[s2]scale=854:480,setsar=1[v2];[s3]scale=640:360,setsar=1[v3];[s4]scale=426:240,setsar=1[v4]"
                        + ";[sp]trim=start=6.000,setpts=PTS-STARTPTS,trim=end_frame=1,scale=1280:720,setsar=1[poster]"
                        + ";[ss]fps=1/1,scale=160:90,setsar=1,tile=10x6[sprites]");
    }

    @Test
    void encodesEveryRungAsHighProfileWithAlignedKeyframes() {
        ProbeResult probe = new ProbeResult(60, 1920, 1080, true, "h264", "yuv420p", 30, 0, 30, 0, 1);

        List<String> args = command(probe, TranscodeOptions.defaults());

        assertThat(after(args, "-c:v")).isEqualTo("libx264");
        assertThat(after(args, "-preset")).isEqualTo("veryfast");
        assertThat(after(args, "-profile:v")).isEqualTo("high");
        assertThat(after(args, "-pix_fmt")).isEqualTo("yuv420p");
        assertThat(after(args, "-g")).isEqualTo("120");
        assertThat(after(args, "-keyint_min")).isEqualTo("120");
        assertThat(after(args, "-sc_threshold")).isEqualTo("0");
        assertThat(after(args, "-b:v:0")).isEqualTo("5000k");
        assertThat(after(args, "-maxrate:v:0")).isEqualTo("7500k");
        assertThat(after(args, "-bufsize:v:0")).isEqualTo("10000k");
        assertThat(after(args, "-b:v:4")).isEqualTo("400k");
        assertThat(after(args, "-b:a:0")).isEqualTo("128k");
        assertThat(after(args, "-b:a:4")).isEqualTo("96k");
        assertThat(args).doesNotContain("-threads", "-filter_complex_threads");
    }

    @Test
    void writesFmp4HlsWithAudioMuxedIntoEachRung() {
        ProbeResult probe = new ProbeResult(60, 1280, 720, true, "h264", "yuv420p", 30, 0, 30, 2, 5);

        List<String> args = command(probe, TranscodeOptions.defaults());

        assertThat(after(args, "-f")).isEqualTo("hls");
        assertThat(after(args, "-hls_time")).isEqualTo("4");
        assertThat(after(args, "-hls_segment_type")).isEqualTo("fmp4");
        assertThat(after(args, "-hls_playlist_type")).isEqualTo("vod");
        assertThat(after(args, "-master_pl_name")).isEqualTo("master.m3u8");
        assertThat(after(args, "-hls_segment_filename")).isEqualTo("v%v/seg-%d.m4s");
        assertThat(after(args, "-var_stream_map")).isEqualTo("v:0,a:0 v:1,a:1 v:2,a:2 v:3,a:3");
        assertThat(args.get(args.indexOf("-var_stream_map") + 2)).isEqualTo("v%v/index.m3u8");
        assertThat(after(args, "-filter_complex")).startsWith("[0:2]");
        assertThat(Collections.frequency(args, "0:5")).isEqualTo(4);
        assertThat(args.subList(args.indexOf("-map"), args.indexOf("-map") + 4))
                .containsExactly("-map", "[v0]", "-map", "0:5");
        assertThat(args).containsSubsequence("-map", "[poster]", "-frames:v", "1", "poster.jpg");
        assertThat(args).containsSubsequence("-map", "[sprites]", "-start_number", "0", "storyboard/sprite-%d.jpg");
    }

    @Test
    void withoutAudioMapsAndEncodesNoAudio() {
        ProbeResult probe = new ProbeResult(10, 640, 360, false, "vp9", "yuv420p", 25, 0);

        List<String> args = command(probe, TranscodeOptions.defaults());

        assertThat(after(args, "-var_stream_map")).isEqualTo("v:0 v:1");
        assertThat(args).doesNotContain("-c:a", "0:-1").noneMatch(a -> a.startsWith("-b:a"));
        assertThat(after(args, "-g")).isEqualTo("100");
    }

    @Test
    void passesAThreadLimitWhenOneIsSet() {
        ProbeResult probe = new ProbeResult(10, 640, 360, false, "h264", "yuv420p", 25, 0);

        List<String> args = command(probe, TranscodeOptions.defaults().withThreads(2));

        assertThat(after(args, "-threads")).isEqualTo("2");
        assertThat(after(args, "-filter_complex_threads")).isEqualTo("2");
    }

    @Test
    void normalizesTenBitAndVariableRateInputInTheGraph() {
        ProbeResult probe = new ProbeResult(3, 480, 270, true, "hevc", "yuv420p10le", 17.05, 0, 30, 0, 1);

        String graph = LadderCommand.filterGraph(probe, LadderPlan.of(probe), Storyboard.plan(3, 480, 270));

        assertThat(graph).startsWith("[0:0]fps=30/1,format=yuv420p,split=4");
        assertThat(graph).contains("[sp]trim=start=1.000,");
    }

    @Test
    void posterIsTakenTenPercentInButAtLeastASecondAndWithinAShortClip() {
        assertThat(LadderCommand.posterSeconds(600)).isEqualTo(60);
        assertThat(LadderCommand.posterSeconds(5)).isEqualTo(1);
        assertThat(LadderCommand.posterSeconds(1)).isEqualTo(0.5);
        assertThat(LadderCommand.posterSize(3840, 2160)).containsExactly(1280, 720);
        assertThat(LadderCommand.posterSize(1080, 1920)).containsExactly(1080, 1920);
        assertThat(LadderCommand.posterSize(641, 359)).containsExactly(640, 358);
    }
}
