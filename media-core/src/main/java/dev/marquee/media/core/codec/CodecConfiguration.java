package dev.marquee.media.core.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/** A parsed decoder configuration: enough to tell a player (MSE, HLS CODECS) what it will decode. */
public sealed interface CodecConfiguration
        permits AvcDecoderConfiguration, HevcDecoderConfiguration, Av1CodecConfiguration, AacAudioSpecificConfig {
    /** The RFC 6381 codec string, e.g. {@code avc1.64001f} or {@code mp4a.40.2}. */
    String codecString();

    /** The raw decoder configuration record of a video sequence header (avcC, hvcC or av1C payload), as MP4 boxes carry it. */
    static byte[] videoRecord(ByteBuf tagBody, VideoCodec codec) {
        return ByteBufUtil.getBytes(TagBodyLayout.videoSequenceStart(tagBody, codec));
    }

    /** The raw AudioSpecificConfig (or other codec record) of an audio sequence header. */
    static byte[] audioRecord(ByteBuf tagBody, AudioCodec codec) {
        return ByteBufUtil.getBytes(TagBodyLayout.audioSequenceStart(tagBody, codec));
    }
}
