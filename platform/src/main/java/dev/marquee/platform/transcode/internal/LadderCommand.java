package dev.marquee.platform.transcode.internal;

import dev.marquee.platform.transcode.LadderPlan;
import dev.marquee.platform.transcode.ProbeResult;
import dev.marquee.platform.transcode.TranscodeOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The one ffmpeg command that decodes the source once and writes the whole ladder as fMP4 HLS, the
 * poster and the storyboard sprites. Output paths are relative: ffmpeg runs in the output directory.
 *
 * <p>The graph: {@code [0:v] fps, format=yuv420p, split} into one {@code scale} per rung, one
 * {@code trim} for the poster and one {@code fps+tile} for the storyboard. The {@code fps} filter
 * makes variable frame rate input constant; ffmpeg's autorotate has already turned the picture,
 * so the rung sizes are display sizes. Every rung uses the same fixed GOP without scene-cut
 * keyframes, so keyframes, and thus segment boundaries, line up across rungs.
 */
public final class LadderCommand {

    public static final String MASTER = "master.m3u8";
    public static final String POSTER = "poster.jpg";
    public static final int POSTER_MAX_WIDTH = 1280;

    private LadderCommand() {
    }

    public static String variantDir(int rung) {
        return "v" + rung;
    }

    public static String variantPlaylist(int rung) {
        return variantDir(rung) + "/index.m3u8";
    }

    /** The full argument list, ffmpeg's path first. */
    public static List<String> build(Path ffmpeg, Path input, ProbeResult probe, LadderPlan plan,
                                     Storyboard storyboard, TranscodeOptions options) {
        List<LadderPlan.Rung> rungs = plan.rungs();
        int n = rungs.size();
        List<String> args = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-y",
                "-progress", "pipe:1", "-nostats", "-i", "file:" + input.toAbsolutePath()));
        if (options.threads() > 0) {
            args.addAll(List.of("-filter_complex_threads", Integer.toString(options.threads())));
        }
        args.addAll(List.of("-filter_complex", filterGraph(probe, plan, storyboard)));

        // HLS ladder: video + audio of rung i are v:i and a:i of one muxer
        for (int i = 0; i < n; i++) {
            args.addAll(List.of("-map", "[v" + i + "]"));
            if (plan.audio()) {
                args.addAll(List.of("-map", "0:" + probe.audioStreamIndex()));
            }
        }
        args.addAll(List.of("-map_metadata", "-1", "-map_chapters", "-1",
                "-c:v", "libx264", "-preset", options.preset(), "-profile:v", "high", "-pix_fmt", "yuv420p",
                "-g", Integer.toString(plan.gopFrames()), "-keyint_min", Integer.toString(plan.gopFrames()),
                "-sc_threshold", "0"));
        threads(args, options);
        for (int i = 0; i < n; i++) {
            LadderPlan.Rung rung = rungs.get(i);
            args.addAll(List.of("-b:v:" + i, rung.videoKbps() + "k", "-maxrate:v:" + i, rung.maxrateKbps() + "k",
                    "-bufsize:v:" + i, rung.bufsizeKbps() + "k"));
        }
        if (plan.audio()) {
            args.addAll(List.of("-c:a", "aac", "-ac", "2", "-ar", "48000"));
            for (int i = 0; i < n; i++) {
                args.addAll(List.of("-b:a:" + i, rungs.get(i).audioKbps() + "k"));
            }
        }
        args.addAll(List.of("-f", "hls", "-hls_time", Integer.toString(LadderPlan.SEGMENT_SECONDS),
                "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4", "-hls_flags", "independent_segments",
                "-hls_fmp4_init_filename", "init.mp4", "-hls_segment_filename", "v%v/seg-%d.m4s",
                "-master_pl_name", MASTER, "-var_stream_map", streamMap(n, plan.audio()), "v%v/index.m3u8"));

        args.addAll(List.of("-map", "[poster]", "-map_metadata", "-1", "-frames:v", "1", "-update", "1",
                "-c:v", "mjpeg", "-q:v", "2", POSTER));
        args.addAll(List.of("-map", "[sprites]", "-map_metadata", "-1", "-c:v", "mjpeg", "-q:v", "4",
                "-start_number", "0", Storyboard.SPRITE_PATTERN));
        return args;
    }

    static String filterGraph(ProbeResult probe, LadderPlan plan, Storyboard storyboard) {
        int n = plan.rungs().size();
        StringBuilder graph = new StringBuilder();
        graph.append("[0:").append(probe.videoStreamIndex()).append("]fps=").append(plan.frameRate())
                .append(",format=yuv420p,split=").append(n + 2);
        for (int i = 0; i < n; i++) {
            graph.append("[s").append(i).append(']');
        }
        graph.append("[sp][ss]");
        for (int i = 0; i < n; i++) {
            LadderPlan.Rung rung = plan.rungs().get(i);
            graph.append(";[s").append(i).append("]scale=").append(rung.width()).append(':').append(rung.height())
                    .append(",setsar=1[v").append(i).append(']');
        }
        int[] poster = posterSize(probe.width(), probe.height());
        graph.append(";[sp]trim=start=").append(String.format(Locale.ROOT, "%.3f", posterSeconds(probe.durationSeconds())))
                .append(",setpts=PTS-STARTPTS,trim=end_frame=1,scale=").append(poster[0]).append(':').append(poster[1])
                .append(",setsar=1[poster]");
        graph.append(";[ss]").append(storyboard.filter()).append("[sprites]");
        return graph.toString();
    }

    static String streamMap(int rungs, boolean audio) {
        StringJoiner map = new StringJoiner(" ");
        for (int i = 0; i < rungs; i++) {
            map.add(audio ? "v:" + i + ",a:" + i : "v:" + i);
        }
        return map.toString();
    }

    /** About 10% in, but at least 1 s (past fade-ins) and never past the middle of a short clip. */
    public static double posterSeconds(double duration) {
        return Math.min(Math.max(duration * 0.1, 1.0), duration / 2);
    }

    /** At most {@value #POSTER_MAX_WIDTH} wide, even, keeping the display aspect. */
    public static int[] posterSize(int width, int height) {
        int w = Math.min(POSTER_MAX_WIDTH, Math.max(2, width & ~1));
        int h = Math.max(2, (int) Math.round((double) w * height / width / 2.0) * 2);
        return new int[] {w, h};
    }

    private static void threads(List<String> args, TranscodeOptions options) {
        if (options.threads() > 0) {
            args.addAll(List.of("-threads", Integer.toString(options.threads())));
        }
    }
}
