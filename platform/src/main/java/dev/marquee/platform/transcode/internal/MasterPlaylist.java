package dev.marquee.platform.transcode.internal;

import dev.marquee.platform.transcode.LadderPlan;
import dev.marquee.platform.transcode.Rendition;
import dev.marquee.platform.transcode.TranscodeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks the variant playlists ffmpeg wrote and replaces its master playlist with one that always
 * has BANDWIDTH (measured peak), AVERAGE-BANDWIDTH, RESOLUTION, FRAME-RATE and CODECS, which
 * ffmpeg 5.1 does not guarantee (it derives BANDWIDTH from nominal rates and may drop CODECS),
 * and that lists a 720p-or-lower rung first for players that start with the first variant.
 */
public final class MasterPlaylist {

    /** AAC-LC, what ffmpeg's native aac encoder writes. */
    public static final String AAC_LC = "mp4a.40.2";
    private static final int START_SHORT_SIDE = 720;

    private MasterPlaylist() {
    }

    /** Verifies every rung's playlist and files in {@code outDir} and describes each as a {@link Rendition}. */
    public static List<Rendition> collect(Path outDir, LadderPlan plan) throws IOException, TranscodeException {
        List<Rendition> renditions = new ArrayList<>();
        for (int i = 0; i < plan.rungs().size(); i++) {
            String uri = LadderCommand.variantPlaylist(i);
            Path playlist = outDir.resolve(uri);
            if (!Files.isRegularFile(playlist)) {
                throw new TranscodeException("ffmpeg exited normally but wrote no " + uri);
            }
            VariantPlaylist variant = VariantPlaylist.read(playlist);
            Path dir = playlist.getParent();
            if (!variant.complete() || variant.segments().isEmpty() || variant.init() == null) {
                throw new TranscodeException(uri + " is incomplete (no segments, init or EXT-X-ENDLIST)");
            }
            for (String file : files(variant)) {
                if (!Files.isRegularFile(dir.resolve(file))) {
                    throw new TranscodeException(uri + " names " + file + ", which ffmpeg did not write");
                }
            }
            String avc = AvcCodecString.read(dir.resolve(variant.init()));
            if (avc == null) {
                throw new TranscodeException(variant.init() + " of " + uri + " holds no H.264 configuration");
            }
            long[] rates = variant.bitRates(dir);
            LadderPlan.Rung rung = plan.rungs().get(i);
            renditions.add(new Rendition(rung.width(), rung.height(), rates[0], rates[1],
                    plan.audio() ? avc + "," + AAC_LC : avc, uri));
        }
        return renditions;
    }

    /** Writes {@code master.m3u8} into {@code outDir}, replacing ffmpeg's. */
    public static void write(Path outDir, List<Rendition> renditions, LadderPlan.FrameRate frameRate)
            throws IOException {
        Path target = outDir.resolve(LadderCommand.MASTER);
        Path temp = outDir.resolve(LadderCommand.MASTER + ".tmp");
        Files.writeString(temp, render(renditions, frameRate));
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String render(List<Rendition> renditions, LadderPlan.FrameRate frameRate) {
        StringBuilder m3u8 = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (Rendition r : startFirst(renditions)) {
            m3u8.append(String.format(Locale.ROOT,
                    "#EXT-X-STREAM-INF:BANDWIDTH=%d,AVERAGE-BANDWIDTH=%d,RESOLUTION=%dx%d,FRAME-RATE=%.3f,CODECS=\"%s\"\n",
                    r.bandwidth(), r.averageBandwidth(), r.width(), r.height(), frameRate.value(), r.codecs()))
                    .append(r.playlist()).append('\n');
        }
        return m3u8.toString();
    }

    /**
     * Safari starts with the first variant listed, so the highest rung up to 720p leads and the rest follow
     * highest first; hls.js orders by bandwidth itself.
     */
    static List<Rendition> startFirst(List<Rendition> highestFirst) {
        Rendition start = highestFirst.stream().filter(r -> Math.min(r.width(), r.height()) <= START_SHORT_SIDE)
                .findFirst().orElse(highestFirst.get(highestFirst.size() - 1));
        List<Rendition> ordered = new ArrayList<>(highestFirst);
        ordered.remove(start);
        ordered.add(0, start);
        return ordered;
    }

    private static List<String> files(VariantPlaylist variant) {
        List<String> files = new ArrayList<>();
        files.add(variant.init());
        variant.segments().forEach(s -> files.add(s.uri()));
        return files;
    }
}
