package dev.marquee.platform.transcode.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A VOD media playlist ffmpeg wrote, read back to check its files and measure its bit rates.
 *
 * @param init      the EXT-X-MAP file, relative to the playlist's directory
 * @param segments  segment files with their EXTINF durations
 * @param complete  whether it ends with EXT-X-ENDLIST
 */
public record VariantPlaylist(String init, List<Segment> segments, boolean complete) {

    /** One media segment. */
    public record Segment(String uri, double seconds) {
    }

    public static VariantPlaylist read(Path playlist) throws IOException {
        String init = null;
        List<Segment> segments = new ArrayList<>();
        boolean complete = false;
        double pending = -1;
        for (String raw : Files.readAllLines(playlist)) {
            String line = raw.strip();
            if (line.startsWith("#EXT-X-MAP:")) {
                int start = line.indexOf("URI=\"") + 5;
                init = line.substring(start, line.indexOf('"', start));
            } else if (line.startsWith("#EXTINF:")) {
                String value = line.substring(8);
                int comma = value.indexOf(',');
                pending = Double.parseDouble(comma < 0 ? value : value.substring(0, comma));
            } else if (line.equals("#EXT-X-ENDLIST")) {
                complete = true;
            } else if (!line.isEmpty() && !line.startsWith("#") && pending >= 0) {
                segments.add(new Segment(line, pending));
                pending = -1;
            }
        }
        return new VariantPlaylist(init, List.copyOf(segments), complete);
    }

    public double durationSeconds() {
        return segments.stream().mapToDouble(Segment::seconds).sum();
    }

    /** Bit rates measured from the segment files in {@code dir}: {peak, average}, bits per second. */
    public long[] bitRates(Path dir) throws IOException {
        double peak = 0;
        long bytes = 0;
        for (Segment segment : segments) {
            long size = Files.size(dir.resolve(segment.uri()));
            bytes += size;
            // a last sliver of a segment says little about the rate; count it as at least 1 s
            peak = Math.max(peak, size * 8 / Math.max(1.0, segment.seconds()));
        }
        double duration = durationSeconds();
        long average = duration > 0 ? (long) Math.ceil(bytes * 8 / duration) : 0;
        return new long[] {(long) Math.ceil(peak), average};
    }
}
