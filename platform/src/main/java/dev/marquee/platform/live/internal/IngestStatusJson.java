package dev.marquee.platform.live.internal;

import dev.marquee.media.server.spi.IngestReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /api/v1/live/ingest}: what the caller's OBS is sending now, as the "Go live" page shows it, with
 * advice where a setting will hurt viewers. Unknown figures are null.
 */
record IngestStatusJson(boolean receiving, String videoCodec, String audioCodec, Integer width, Integer height,
                        Double frameRate, Long bitrate, Double keyframeInterval, List<String> warnings) {
    /** Past this, joins wait long for a keyframe and live HLS segments grow long (YouTube and Twitch ask for 2 s). */
    static final double MAX_KEYFRAME_INTERVAL_SECONDS = 4;

    static IngestStatusJson of(Optional<IngestReport> report) {
        if (report.isEmpty()) return new IngestStatusJson(false, null, null, null, null, null, null, null, List.of());
        IngestReport r = report.get();
        List<String> warnings = new ArrayList<>();
        if (r.bitrate() == 0) warnings.add("Nothing has arrived for a few seconds: OBS may have lost its connection.");
        if (r.keyframeIntervalSeconds() > MAX_KEYFRAME_INTERVAL_SECONDS) {
            warnings.add(String.format(Locale.ROOT, "Keyframes arrive every %.1f s. Set \u201cKeyframe Interval\u201d to 2 s in OBS"
                    + " (Settings \u2192 Output \u2192 Streaming): new viewers start at a keyframe, and live HLS segments end at one.",
                    r.keyframeIntervalSeconds()));
        }
        return new IngestStatusJson(true, r.videoCodec(), r.audioCodec(), r.width() > 0 ? r.width() : null,
                r.height() > 0 ? r.height() : null, r.frameRate(), r.bitrate(),
                r.keyframeIntervalSeconds() > 0 ? r.keyframeIntervalSeconds() : null, List.copyOf(warnings));
    }
}
