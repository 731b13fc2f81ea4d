package dev.marquee.media.core.codec;

import io.netty.buffer.ByteBuf;
import java.util.Optional;

/** Audio codecs FLV can carry: by legacy SoundFormat or by Enhanced RTMP FourCC. */
public enum AudioCodec {
    LPCM_PLATFORM_ENDIAN(0, null),
    ADPCM(1, null),
    MP3(2, FourCc.MP3),
    LPCM_LITTLE_ENDIAN(3, null),
    NELLYMOSER_16K_MONO(4, null),
    NELLYMOSER_8K_MONO(5, null),
    NELLYMOSER(6, null),
    G711_A_LAW(7, null),
    G711_MU_LAW(8, null),
    AAC(10, FourCc.AAC),
    SPEEX(11, null),
    MP3_8K(14, null),
    DEVICE_SPECIFIC(15, null),
    OPUS(-1, FourCc.OPUS),
    FLAC(-1, FourCc.FLAC),
    AC3(-1, FourCc.AC3),
    EAC3(-1, FourCc.EAC3);

    private static final int EX_HEADER = 9;

    private final int legacySoundFormat;
    private final String fourCc;

    AudioCodec(int legacySoundFormat, String fourCc) {
        this.legacySoundFormat = legacySoundFormat;
        this.fourCc = fourCc;
    }

    /** The legacy FLV SoundFormat, or -1 when only Enhanced RTMP can carry it. */
    public int legacySoundFormat() {
        return legacySoundFormat;
    }

    /** The Enhanced RTMP FourCC, or null for codecs that have none. */
    public String fourCc() {
        return fourCc;
    }

    public static Optional<AudioCodec> fromLegacySoundFormat(int soundFormat) {
        if (soundFormat < 0) return Optional.empty();
        for (AudioCodec c : values()) {
            if (c.legacySoundFormat == soundFormat) return Optional.of(c);
        }
        return Optional.empty();
    }

    public static Optional<AudioCodec> fromFourCc(String fourCc) {
        for (AudioCodec c : values()) {
            if (c.fourCc != null && c.fourCc.equals(fourCc)) return Optional.of(c);
        }
        return Optional.empty();
    }

    /** The codec of an audio tag body (legacy or enhanced); empty when unknown or too short. Never throws. */
    public static Optional<AudioCodec> detect(ByteBuf tagBody) {
        if (!tagBody.isReadable()) return Optional.empty();
        int format = tagBody.getUnsignedByte(tagBody.readerIndex()) >> 4;
        if (format != EX_HEADER) return fromLegacySoundFormat(format);
        try {
            return fromFourCc(TagBodyLayout.ofAudio(tagBody).fourCc());
        } catch (CodecConfigurationException e) {
            return Optional.empty();
        }
    }
}
