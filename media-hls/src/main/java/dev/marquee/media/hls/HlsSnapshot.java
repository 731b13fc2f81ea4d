package dev.marquee.media.hls;

import java.util.List;

/**
 * What readers see of a live stream at one moment: the segments still kept (the playlist's and a few that
 * just left it) and the playlist text. Immutable; replaced as a whole when a segment is added.
 */
record HlsSnapshot(List<HlsSegment> kept, String playlist, boolean ended) {
    HlsSnapshot {
        kept = List.copyOf(kept);
    }

    HlsSegment segment(long sequence) {
        if (kept.isEmpty()) return null;
        long index = sequence - kept.get(0).sequence();
        return index >= 0 && index < kept.size() ? kept.get((int) index) : null;
    }
}
