package dev.marquee.media.hls.ts;

import dev.marquee.media.core.codec.AacAudioSpecificConfig;
import io.netty.buffer.ByteBuf;

/**
 * The 7-byte ADTS header (ISO/IEC 13818-7 6.2, ISO/IEC 14496-3 1.A.2) that makes a raw AAC frame
 * self-describing, as transport streams carry AAC (stream type 0x0F). Built once from the
 * AudioSpecificConfig; only the frame length changes per frame.
 */
public final class AdtsHeader {
    public static final int SIZE = 7;
    /** frame_length is 13 bits and counts the header. */
    public static final int MAX_FRAME_SIZE = (1 << 13) - 1;
    private static final int OBJECT_TYPE_SBR = 5;
    private static final int OBJECT_TYPE_PS = 29;
    private static final int[] SAMPLE_RATES = {
            96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350};

    private final int profile;
    private final int frequencyIndex;
    private final int channelConfiguration;

    AdtsHeader(int profile, int frequencyIndex, int channelConfiguration) {
        this.profile = profile;
        this.frequencyIndex = frequencyIndex;
        this.channelConfiguration = channelConfiguration;
    }

    /**
     * The header for a stream of this config. HE-AAC (SBR, PS) is signalled as AAC-LC at the core rate, which
     * decoders upgrade implicitly. Throws {@link IllegalArgumentException} for what ADTS cannot express:
     * object types beyond AAC LTP, rates without an index, channel layouts given by a program config element.
     */
    public static AdtsHeader of(AacAudioSpecificConfig config) {
        int objectType = config.objectType();
        if (objectType == OBJECT_TYPE_SBR || objectType == OBJECT_TYPE_PS) objectType = 2;
        if (objectType < 1 || objectType > 4) throw new IllegalArgumentException("ADTS cannot carry AAC object type " + objectType);
        int index = frequencyIndex(config.sampleRate());
        if (index < 0) throw new IllegalArgumentException("ADTS cannot carry sample rate " + config.sampleRate());
        int channels = config.channelConfiguration();
        if (channels < 1 || channels > 7) throw new IllegalArgumentException("ADTS cannot carry channel configuration " + channels);
        return new AdtsHeader(objectType - 1, index, channels);
    }

    /** Writes the header for a raw frame of {@code payloadLength} bytes (at most {@link #MAX_FRAME_SIZE} - 7). */
    public void write(ByteBuf out, int payloadLength) {
        int frameLength = SIZE + payloadLength;
        if (payloadLength < 0 || frameLength > MAX_FRAME_SIZE) throw new IllegalArgumentException("AAC frame of " + payloadLength + " bytes");
        out.writeByte(0xFF);
        out.writeByte(0xF1); // sync word end, MPEG-4, layer 0, protection_absent (no CRC)
        out.writeByte((profile << 6) | (frequencyIndex << 2) | (channelConfiguration >> 2));
        out.writeByte(((channelConfiguration & 0x03) << 6) | (frameLength >> 11));
        out.writeByte((frameLength >> 3) & 0xFF);
        out.writeByte(((frameLength & 0x07) << 5) | 0x1F); // buffer fullness 0x7FF: variable bit rate
        out.writeByte(0xFC); // rest of buffer fullness, one raw data block
    }

    private static int frequencyIndex(int sampleRate) {
        for (int i = 0; i < SAMPLE_RATES.length; i++) {
            if (SAMPLE_RATES[i] == sampleRate) return i;
        }
        return -1;
    }
}
