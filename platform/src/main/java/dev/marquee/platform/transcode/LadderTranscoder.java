package dev.marquee.platform.transcode;

import dev.marquee.platform.transcode.internal.FfmpegProcess;
import dev.marquee.platform.transcode.internal.LadderCommand;
import dev.marquee.platform.transcode.internal.MasterPlaylist;
import dev.marquee.platform.transcode.internal.NiceCommand;
import dev.marquee.platform.transcode.internal.ProgressParser;
import dev.marquee.platform.transcode.internal.Storyboard;
import dev.marquee.platform.transcode.internal.VariantPlaylist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes a probed source into the HLS ladder of {@link LadderPlan} with one ffmpeg process (one
 * decode, every rung, the poster and the storyboard sprites), then writes the storyboard track and
 * the master playlist. Not thread-confined: one instance may serve several jobs at once.
 */
public final class LadderTranscoder {

    private static final Logger log = LoggerFactory.getLogger(LadderTranscoder.class);
    private static final int STDERR_LINES = 30;

    private final FfmpegTools tools;
    private final TranscodeOptions options;

    public LadderTranscoder(FfmpegTools tools) {
        this(tools, TranscodeOptions.defaults());
    }

    public LadderTranscoder(FfmpegTools tools, TranscodeOptions options) {
        this.tools = tools;
        this.options = options;
    }

    /**
     * Writes the ladder into {@code outDir} (created if missing; meant to be a fresh temporary
     * directory the caller renames on success). {@code progressPercent} hears 0..100, growing only;
     * 100 comes once everything is written. On failure what was written is removed again.
     */
    public TranscodeResult transcode(Path input, ProbeResult probe, Path outDir, IntConsumer progressPercent)
            throws TranscodeException {
        LadderPlan plan = LadderPlan.of(probe);
        Storyboard storyboard = Storyboard.plan(probe.durationSeconds(), probe.width(), probe.height());
        List<String> command = NiceCommand.wrap(
                LadderCommand.build(tools.ffmpeg(), input, probe, plan, storyboard, options), options.niceness());
        ProgressParser progress = new ProgressParser(probe.durationSeconds(), progressPercent);
        boolean done = false;
        try {
            Files.createDirectories(outDir.resolve(Storyboard.SPRITE_DIR));
            for (int i = 0; i < plan.rungs().size(); i++) {
                Files.createDirectories(outDir.resolve(LadderCommand.variantDir(i)));
            }
            progress.report(0);
            long started = System.nanoTime();
            log.debug("transcoding {}: {}", input, command);
            FfmpegProcess.Outcome outcome = FfmpegProcess.run(command, outDir, progress::accept, STDERR_LINES);
            if (outcome.exitCode() != 0) {
                throw new TranscodeException("ffmpeg failed (exit code " + outcome.exitCode() + ") on " + input
                        + ":\n" + outcome.stderr());
            }
            List<Rendition> renditions = MasterPlaylist.collect(outDir, plan);
            if (!Files.isRegularFile(outDir.resolve(LadderCommand.POSTER))) {
                throw new TranscodeException("ffmpeg wrote no poster.jpg:\n" + outcome.stderr());
            }
            double duration = VariantPlaylist.read(outDir.resolve(renditions.get(0).playlist())).durationSeconds();
            Files.writeString(outDir.resolve(Storyboard.VTT), storyboard.vtt(Math.min(duration, probe.durationSeconds()),
                    sheet -> Files.isRegularFile(outDir.resolve(Storyboard.SPRITE_DIR + "/sprite-" + sheet + ".jpg"))));
            MasterPlaylist.write(outDir, renditions, plan.frameRate());
            log.info("transcoded {} ({} s) into {} rungs in {} s", input,
                    String.format(Locale.ROOT, "%.1f", duration), renditions.size(),
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
            done = true;
            progress.report(100);
            return new TranscodeResult(renditions, duration, LadderCommand.MASTER, LadderCommand.POSTER,
                    Storyboard.VTT);
        } catch (IOException e) {
            throw new TranscodeException("Writing the ladder into " + outDir + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranscodeException("Transcoding " + input + " was interrupted", e);
        } finally {
            if (!done) {
                deleteOutputs(outDir, plan.rungs().size());
            }
        }
    }

    /** Removes what this transcoder writes, and nothing else the caller may keep in {@code outDir}. */
    private static void deleteOutputs(Path outDir, int rungs) {
        try {
            for (int i = 0; i < rungs; i++) {
                deleteTree(outDir.resolve(LadderCommand.variantDir(i)));
            }
            deleteTree(outDir.resolve(Storyboard.SPRITE_DIR));
            for (String file : List.of(LadderCommand.MASTER, LadderCommand.MASTER + ".tmp", LadderCommand.POSTER,
                    Storyboard.VTT)) {
                Files.deleteIfExists(outDir.resolve(file));
            }
        } catch (IOException e) {
            log.warn("could not clean up {} after a failed transcode: {}", outDir, e.toString());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
