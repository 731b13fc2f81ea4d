package dev.marquee.media.core.codec;

/** A parsed decoder configuration: enough to tell a player (MSE, HLS CODECS) what it will decode. */
public sealed interface CodecConfiguration
        permits AvcDecoderConfiguration, HevcDecoderConfiguration, Av1CodecConfiguration, AacAudioSpecificConfig {
    /** The RFC 6381 codec string, e.g. {@code avc1.64001f} or {@code mp4a.40.2}. */
    String codecString();
}
