package dev.marquee.platform.transcode.internal;

import dev.marquee.platform.transcode.FfmpegTools;
import dev.marquee.platform.transcode.LadderTranscoder;
import dev.marquee.platform.transcode.MediaProber;
import dev.marquee.platform.transcode.ProbeResult;
import dev.marquee.platform.transcode.Rendition;
import dev.marquee.platform.transcode.TranscodeOptions;
import dev.marquee.platform.transcode.TranscodeResult;
import java.nio.file.Path;

/**
 * Probes and transcodes one file from the command line, for the benchmark and for trying inputs by
 * hand: {@code TranscodeMain input outDir [preset] [threads]}.
 */
public final class TranscodeMain {

    private TranscodeMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: TranscodeMain input outDir [x264-preset] [threads]");
            System.exit(2);
        }
        // level with the hand-run ffmpeg it is benchmarked against
        TranscodeOptions options = TranscodeOptions.defaults().withNiceness(0);
        if (args.length > 2) {
            options = options.withPreset(args[2]);
        }
        if (args.length > 3) {
            options = options.withThreads(Integer.parseInt(args[3]));
        }
        FfmpegTools tools = FfmpegTools.locate(System.getenv("MARQUEE_FFMPEG_DIR"));
        ProbeResult probe = new MediaProber(tools).probe(Path.of(args[0]));
        System.out.println("probe: " + probe);
        int[] last = {-10};
        TranscodeResult result = new LadderTranscoder(tools, options).transcode(Path.of(args[0]), probe,
                Path.of(args[1]), percent -> {
                    if (percent / 10 != last[0] / 10) {
                        System.out.println("progress: " + percent + "%");
                    }
                    last[0] = percent;
                });
        for (Rendition r : result.renditions()) {
            System.out.println("rendition: " + r);
        }
        System.out.printf("duration: %.3f s, master: %s%n", result.durationSeconds(), result.masterPlaylist());
    }
}
