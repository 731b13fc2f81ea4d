package dev.marquee.bench.stats;

/**
 * One join of the join probe: a fresh viewer that connects once the load has settled, waits for its first
 * video keyframe and leaves.
 *
 * @param startEpochMs when the join began (the TCP connect), epoch milliseconds
 * @param ttfkMs       play request sent → first video keyframe tag complete; -1 when the join failed
 * @param error        why the join failed (refused, closed, no keyframe within the timeout); null when it did not
 */
public record ProbeJoin(long startEpochMs, double ttfkMs, String error) {
    public boolean failed() {
        return error != null;
    }
}
