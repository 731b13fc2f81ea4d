package dev.marquee.media.core.codec;

import io.netty.buffer.ByteBuf;

/**
 * The start of an AudioSpecificConfig (ISO/IEC 14496-3 1.6.2.1): audio object type, sampling frequency and
 * channel configuration, plus the explicit SBR/PS extension (HE-AAC) when signalled there.
 *
 * @param objectType            audioObjectType (2 AAC-LC, 5 SBR, 29 PS, …; escape 31 resolved)
 * @param samplingFrequencyIndex the 4-bit index, 15 when the rate was written out
 * @param sampleRate            in Hz
 * @param channelConfiguration  0 (defined by a program config element) … 15
 * @param extensionSampleRate   the SBR output rate for object types 5 and 29, else 0
 */
public record AacAudioSpecificConfig(int objectType, int samplingFrequencyIndex, int sampleRate,
        int channelConfiguration, int extensionSampleRate) implements CodecConfiguration {
    private static final int[] SAMPLE_RATES = {
            96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350};
    private static final int ESCAPE_FREQUENCY_INDEX = 15;
    private static final int OBJECT_TYPE_SBR = 5;
    private static final int OBJECT_TYPE_PS = 29;

    /** Parses the config between the reader and writer index of {@code asc} (indexes do not move). */
    public static AacAudioSpecificConfig parse(ByteBuf asc) {
        BitReader r = new BitReader(asc);
        int objectType = readObjectType(r);
        if (objectType == 0) throw new CodecConfigurationException("AAC object type 0 (null)");
        int frequencyIndex = r.readBits(4);
        int sampleRate = readSampleRate(r, frequencyIndex);
        int channels = r.readBits(4);
        int extensionRate = 0;
        if (objectType == OBJECT_TYPE_SBR || objectType == OBJECT_TYPE_PS) {
            extensionRate = readSampleRate(r, r.readBits(4));
        }
        return new AacAudioSpecificConfig(objectType, frequencyIndex, sampleRate, channels, extensionRate);
    }

    /** Parses the config inside an FLV audio sequence header (legacy SoundFormat 10 or Enhanced RTMP {@code mp4a}). */
    public static AacAudioSpecificConfig fromSequenceHeader(ByteBuf tagBody) {
        return parse(TagBodyLayout.audioSequenceStart(tagBody, AudioCodec.AAC));
    }

    private static int readObjectType(BitReader r) {
        int type = r.readBits(5);
        return type == 31 ? 32 + r.readBits(6) : type;
    }

    private static int readSampleRate(BitReader r, int index) {
        if (index == ESCAPE_FREQUENCY_INDEX) {
            int rate = r.readBits(24);
            if (rate == 0) throw new CodecConfigurationException("AAC sampling frequency 0");
            return rate;
        }
        if (index >= SAMPLE_RATES.length) throw new CodecConfigurationException("reserved AAC sampling frequency index " + index);
        return SAMPLE_RATES[index];
    }

    /** {@code mp4a.40.N} with N the object type (2 for AAC-LC, 5 for HE-AAC). */
    @Override
    public String codecString() {
        return "mp4a.40." + objectType;
    }
}
