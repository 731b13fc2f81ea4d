package dev.marquee.media.hls;

import java.util.List;

/** Writes the text of a live media playlist (RFC 8216 4.3) for a window of segments. */
final class MediaPlaylist {
    private MediaPlaylist() {}

    /**
     * @param firstSequence         the media sequence of the first segment (the next one when there are none)
     * @param discontinuitySequence discontinuities that have left the playlist (RFC 8216 4.3.3.3)
     */
    static String render(List<HlsSegment> segments, long firstSequence, long targetDurationSeconds,
            long discontinuitySequence, boolean ended) {
        StringBuilder s = new StringBuilder(128 + 40 * segments.size());
        s.append("#EXTM3U\n");
        boolean fragments = segments.stream().anyMatch(HlsSegment::isFragment);
        s.append(fragments ? "#EXT-X-VERSION:7\n" : "#EXT-X-VERSION:3\n"); // EXT-X-MAP needs 6 or later
        s.append("#EXT-X-TARGETDURATION:").append(targetDurationSeconds).append('\n');
        s.append("#EXT-X-MEDIA-SEQUENCE:").append(firstSequence).append('\n');
        if (discontinuitySequence > 0) s.append("#EXT-X-DISCONTINUITY-SEQUENCE:").append(discontinuitySequence).append('\n');
        int init = -1;
        for (HlsSegment segment : segments) {
            if (segment.discontinuity()) s.append("#EXT-X-DISCONTINUITY\n");
            if (segment.isFragment() && segment.initVersion() != init) {
                init = segment.initVersion();
                s.append("#EXT-X-MAP:URI=\"").append(segment.initUri()).append("\"\n");
            }
            long ms = segment.durationMillis();
            s.append("#EXTINF:").append(ms / 1000).append('.');
            appendThreeDigits(s, ms % 1000);
            s.append(",\n").append(segment.uri()).append('\n');
        }
        if (ended) s.append("#EXT-X-ENDLIST\n");
        return s.toString();
    }

    private static void appendThreeDigits(StringBuilder s, long value) {
        if (value < 100) s.append('0');
        if (value < 10) s.append('0');
        s.append(value);
    }
}
