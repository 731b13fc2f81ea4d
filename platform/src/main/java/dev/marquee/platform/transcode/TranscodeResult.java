package dev.marquee.platform.transcode;

import java.util.List;

/**
 * What {@link LadderTranscoder#transcode} wrote; every path is relative to the output directory.
 *
 * @param renditions      the variants, highest first (the master lists the highest up to 720p first)
 * @param durationSeconds duration of the encoded video (sum of the segment durations)
 * @param masterPlaylist  {@code master.m3u8}
 * @param poster          {@code poster.jpg}
 * @param storyboard      {@code storyboard.vtt}, a WebVTT thumbnail track pointing into {@code storyboard/sprite-N.jpg}
 */
public record TranscodeResult(List<Rendition> renditions, double durationSeconds, String masterPlaylist,
                              String poster, String storyboard) {

    public TranscodeResult {
        renditions = List.copyOf(renditions);
    }
}
