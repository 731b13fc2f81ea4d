package dev.marquee.bench.stats;

/**
 * One viewer's numbers over the measurement window. Times are milliseconds; -1 means "not measured".
 *
 * @param windowBytes    bytes received inside the measurement window
 * @param cpuWindowBytes bytes received inside the server-CPU window
 * @param pct            received bitrate as a percentage of the stream's bitrate
 * @param ttfkMs         play request sent → first video keyframe tag complete
 * @param joinMs         TCP connect started → first video keyframe tag complete
 */
public record ViewerResult(int id, boolean stalledReader, String error, long bytes, long windowBytes, long cpuWindowBytes,
                           double kbps, double pct, int stalls, int gapStalls, int behindStalls, double maxGapMs,
                           double maxBehindMs, double ttfkMs, double joinMs, long tags, long videoFrames, long stamps,
                           double latencyP50Ms, double latencyP99Ms) {
    /** What the method calls "held": no error, at least this share of the bitrate, and no stall. */
    public static final double HELD_PCT = 99.0;

    public boolean held() {
        return !stalledReader && error == null && pct >= HELD_PCT && stalls == 0;
    }
}
