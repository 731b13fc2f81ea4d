package dev.marquee.media.hls;

import dev.marquee.media.core.amf.Amf0;
import dev.marquee.media.core.amf.Amf0EcmaArray;
import dev.marquee.media.core.flv.FlvTag;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Map;

/** Synthetic FLV frames for the segmenter tests: legacy AVC and AAC tags around made-up NAL units. */
final class Frames {
    static final byte[] SPS = {0x67, 0x64, 0x00, 0x1F, (byte) 0xAC};
    static final byte[] PPS = {0x68, (byte) 0xEE, 0x3C, (byte) 0x80};
    /** AAC-LC, 44.1 kHz, stereo. */
    static final byte[] ASC = {0x12, 0x10};

    private Frames() {}

    static FlvTag avcConfig(long ts, byte[] sps, byte[] pps) {
        ByteBuf b = buffer().writeByte(0x17).writeByte(0).writeMedium(0);
        b.writeByte(1).writeByte(sps[1]).writeByte(sps[2]).writeByte(sps[3]).writeByte(0xFF); // 4-byte NAL lengths
        b.writeByte(0xE1).writeShort(sps.length).writeBytes(sps);
        b.writeByte(1).writeShort(pps.length).writeBytes(pps);
        return new FlvTag(FlvTag.VIDEO, ts, b);
    }

    static FlvTag avcConfig(long ts) {
        return avcConfig(ts, SPS, PPS);
    }

    /** An access unit of one slice NAL: IDR (type 5) for a keyframe, else non-IDR (type 1), of {@code size} bytes. */
    static FlvTag avc(long ts, boolean keyframe, int compositionTime, int size) {
        byte[] nal = new byte[size];
        nal[0] = (byte) (keyframe ? 0x65 : 0x41);
        for (int i = 1; i < size; i++) nal[i] = (byte) i;
        ByteBuf b = buffer().writeByte(keyframe ? 0x17 : 0x27).writeByte(1).writeMedium(compositionTime);
        return new FlvTag(FlvTag.VIDEO, ts, b.writeInt(size).writeBytes(nal));
    }

    static FlvTag aacConfig(long ts) {
        return new FlvTag(FlvTag.AUDIO, ts, buffer().writeByte(0xAF).writeByte(0).writeBytes(ASC));
    }

    static FlvTag aac(long ts, int size) {
        byte[] frame = new byte[size];
        for (int i = 0; i < size; i++) frame[i] = (byte) (0x21 + i);
        return new FlvTag(FlvTag.AUDIO, ts, buffer().writeByte(0xAF).writeByte(1).writeBytes(frame));
    }

    static FlvTag metadata(boolean video, boolean audio) {
        Amf0EcmaArray properties = new Amf0EcmaArray();
        if (video) properties.put("videocodecid", 7.0);
        if (audio) properties.put("audiocodecid", 10.0);
        properties.putAll(Map.of("duration", 0.0));
        ByteBuf b = buffer();
        Amf0.encodeAll(b, "@setDataFrame", "onMetaData", properties);
        return new FlvTag(FlvTag.SCRIPT, 0, b);
    }

    private static ByteBuf buffer() {
        return ByteBufAllocator.DEFAULT.buffer();
    }
}
