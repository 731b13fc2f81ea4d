package dev.marquee.media.hls;

import dev.marquee.media.core.codec.AacAudioSpecificConfig;
import dev.marquee.media.core.codec.AudioCodec;
import dev.marquee.media.hls.ts.AdtsHeader;
import dev.marquee.media.hls.ts.TsStreamType;
import io.netty.buffer.ByteBuf;

/** An AAC stream as transport streams carry it (ADTS), from its FLV sequence header. */
final class AudioFormat {
    private static final int SAMPLES_PER_FRAME = 1024;
    private static final long CLOCK = 90_000;

    private final AacAudioSpecificConfig config;
    private final AdtsHeader adts;

    private AudioFormat(AacAudioSpecificConfig config, AdtsHeader adts) {
        this.config = config;
        this.adts = adts;
    }

    /**
     * The format of an audio sequence header, or null for a codec or AAC variant ADTS cannot carry. Throws
     * {@link dev.marquee.media.core.codec.CodecConfigurationException} for a malformed config.
     */
    static AudioFormat fromSequenceHeader(ByteBuf body) {
        if (AudioCodec.detect(body).orElse(null) != AudioCodec.AAC) return null;
        AacAudioSpecificConfig config = AacAudioSpecificConfig.fromSequenceHeader(body);
        try {
            return new AudioFormat(config, AdtsHeader.of(config));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    TsStreamType streamType() {
        return TsStreamType.AAC_ADTS;
    }

    AdtsHeader adts() {
        return adts;
    }

    /** One AAC frame's duration in 90 kHz units (1024 samples at the core rate; SBR doubles both). */
    long frameDuration90k() {
        return SAMPLES_PER_FRAME * CLOCK / config.sampleRate();
    }

    boolean sameAs(AudioFormat other) {
        return other != null && config.equals(other.config);
    }
}
