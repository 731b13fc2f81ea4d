package dev.marquee.media.server.live;

import dev.marquee.media.core.codec.AudioCodec;
import dev.marquee.media.core.codec.VideoCodec;
import dev.marquee.media.live.IngestStats;
import dev.marquee.media.server.spi.IngestReport;

/** The media plane's measurements as the control plane reads them: codecs by the names streamers know. */
final class IngestReports {
    private IngestReports() {
    }

    static IngestReport of(IngestStats stats) {
        return new IngestReport(name(stats.video()), name(stats.audio()), stats.width(), stats.height(),
                Math.round(stats.frameRate() * 100) / 100.0, stats.bitsPerSecond(), stats.keyframeIntervalMillis() / 1000.0);
    }

    static String name(VideoCodec codec) {
        if (codec == null) return null;
        return switch (codec) {
            case AVC -> "H.264";
            case SORENSON_H263 -> "Sorenson H.263";
            case SCREEN_VIDEO, SCREEN_VIDEO_V2 -> "Screen Video";
            case VP6, VP6_ALPHA -> "VP6";
            case HEVC, AV1, VP9, VP8 -> codec.name();
        };
    }

    static String name(AudioCodec codec) {
        if (codec == null) return null;
        return switch (codec) {
            case AAC, MP3, FLAC -> codec.name();
            case AC3 -> "AC-3";
            case SPEEX -> "Speex";
            case MP3_8K -> "MP3";
            case EAC3 -> "E-AC-3";
            case OPUS -> "Opus";
            case LPCM_PLATFORM_ENDIAN, LPCM_LITTLE_ENDIAN -> "PCM";
            case ADPCM -> "ADPCM";
            case NELLYMOSER_16K_MONO, NELLYMOSER_8K_MONO, NELLYMOSER -> "Nellymoser";
            case G711_A_LAW -> "G.711 A-law";
            case G711_MU_LAW -> "G.711 µ-law";
            case DEVICE_SPECIFIC -> "device-specific";
        };
    }
}
