package dev.marquee.platform.transcode.internal;

import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * The thumbnail grid behind the seek-bar previews: one thumbnail every {@code intervalSeconds}
 * (at most ~100 per video), tiled {@code columns x rows} into {@code storyboard/sprite-N.jpg},
 * and the WebVTT track that points each time range at its tile.
 */
public record Storyboard(int intervalSeconds, int count, int thumbWidth, int thumbHeight, int columns, int rows) {

    public static final String VTT = "storyboard.vtt";
    public static final String SPRITE_DIR = "storyboard";
    /** The ffmpeg image2 pattern, relative to the output directory; numbering starts at 0. */
    public static final String SPRITE_PATTERN = SPRITE_DIR + "/sprite-%d.jpg";

    static final int MAX_THUMBNAILS = 100;
    static final int THUMB_WIDTH = 160;
    static final int MAX_COLUMNS = 10;

    /** Plans the grid for a video of {@code duration} seconds shown at {@code width x height}. */
    public static Storyboard plan(double duration, int width, int height) {
        int interval = (int) Math.max(1, Math.ceil(duration / MAX_THUMBNAILS));
        int count = (int) Math.max(1, Math.ceil(duration / interval - 1e-6));
        int thumbWidth = Math.min(THUMB_WIDTH, Math.max(2, width & ~1));
        int thumbHeight = Math.max(2, (int) Math.round((double) thumbWidth * height / width / 2.0) * 2);
        int columns = Math.min(MAX_COLUMNS, count);
        int rows = Math.min(MAX_COLUMNS, (count + columns - 1) / columns);
        return new Storyboard(interval, count, thumbWidth, thumbHeight, columns, rows);
    }

    public int perSheet() {
        return columns * rows;
    }

    public int sheetWidth() {
        return columns * thumbWidth;
    }

    public int sheetHeight() {
        return rows * thumbHeight;
    }

    /** ffmpeg filters turning the video into sprite sheets. */
    public String filter() {
        return "fps=1/" + intervalSeconds + ",scale=" + thumbWidth + ":" + thumbHeight + ",setsar=1,tile="
                + columns + "x" + rows;
    }

    /**
     * The WebVTT thumbnail track; cues whose sheet ffmpeg did not write ({@code sheetExists} false) are left
     * out, and the last cue ends at {@code duration}.
     */
    public String vtt(double duration, IntPredicate sheetExists) {
        StringBuilder vtt = new StringBuilder("WEBVTT\n");
        for (int i = 0; i < count; i++) {
            double start = (double) i * intervalSeconds;
            double end = Math.min(duration, start + intervalSeconds);
            int sheet = i / perSheet();
            if (start >= duration || !sheetExists.test(sheet)) {
                break;
            }
            int tile = i % perSheet();
            int x = (tile % columns) * thumbWidth;
            int y = (tile / columns) * thumbHeight;
            vtt.append('\n').append(timestamp(start)).append(" --> ").append(timestamp(end)).append('\n')
                    .append(SPRITE_DIR).append("/sprite-").append(sheet).append(".jpg#xywh=")
                    .append(x).append(',').append(y).append(',').append(thumbWidth).append(',').append(thumbHeight)
                    .append('\n');
        }
        return vtt.toString();
    }

    static String timestamp(double seconds) {
        long millis = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60,
                millis / 1000 % 60, millis % 1000);
    }
}
