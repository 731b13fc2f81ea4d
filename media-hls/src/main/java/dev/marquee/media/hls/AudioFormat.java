package dev.marquee.media.hls;

import dev.marquee.media.core.codec.AacAudioSpecificConfig;
import dev.marquee.media.core.codec.AudioCodec;
import dev.marquee.media.core.codec.CodecConfiguration;
import dev.marquee.media.hls.ts.AdtsHeader;
import dev.marquee.media.hls.ts.TsStreamType;
import io.netty.buffer.ByteBuf;

/** An AAC stream as transport streams carry it (ADTS), from its FLV sequence header. */
final class AudioFormat {
    private static final int SAMPLES_PER_FRAME = 1024;
    private static final long CLOCK = 90_000;
    private static final int MAX_RECORD = 64;

    private final AacAudioSpecificConfig config;
    private final AdtsHeader adts;
    private final byte[] record;

    private AudioFormat(AacAudioSpecificConfig config, AdtsHeader adts, byte[] record) {
        this.config = config;
        this.adts = adts;
        this.record = record;
    }

    /**
     * The format of an audio sequence header, or null for a codec or AAC variant ADTS cannot carry. Throws
     * {@link dev.marquee.media.core.codec.CodecConfigurationException} for a malformed config.
     */
    static AudioFormat fromSequenceHeader(ByteBuf body) {
        if (AudioCodec.detect(body).orElse(null) != AudioCodec.AAC) return null;
        AacAudioSpecificConfig config = AacAudioSpecificConfig.fromSequenceHeader(body);
        byte[] record = CodecConfiguration.audioRecord(body, AudioCodec.AAC);
        if (record.length > MAX_RECORD) return null; // real configs are 2 to 5 bytes; an esds descriptor holds < 128
        try {
            return new AudioFormat(config, AdtsHeader.of(config), record);
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

    /** The raw AudioSpecificConfig, as an MP4 esds carries it. */
    byte[] record() {
        return record;
    }

    int sampleRate() {
        return config.sampleRate();
    }

    int channels() {
        return Math.max(1, config.channelConfiguration());
    }

    boolean sameAs(AudioFormat other) {
        return other != null && config.equals(other.config);
    }
}
