package dev.marquee.media.hls;

import dev.marquee.media.core.flv.FlvTag;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a raw HEVC byte stream (Annex B, with an access unit delimiter before each picture, as x265 writes
 * with {@code aud=1}) into Enhanced RTMP video tags: an {@code hvc1} SequenceStart with an hvcC holding the
 * stream's VPS/SPS/PPS, then one coded-frames tag per picture with 4-byte NAL lengths. ffmpeg 5.1 cannot
 * write HEVC into FLV, so the tests build the tags themselves.
 */
public final class HevcFlv {
    private static final int AUD = 35;
    private static final int VPS = 32;
    private static final int PPS = 34;

    private HevcFlv() {}

    public static List<FlvTag> tags(byte[] annexB, int fps) {
        List<List<byte[]>> accessUnits = new ArrayList<>();
        byte[][] parameterSets = new byte[3][];
        for (byte[] nal : split(annexB)) {
            int type = (nal[0] >> 1) & 0x3F;
            if (type == AUD || accessUnits.isEmpty()) accessUnits.add(new ArrayList<>());
            if (type >= VPS && type <= PPS) {
                if (parameterSets[type - VPS] == null) parameterSets[type - VPS] = nal;
            } else if (type != AUD) {
                accessUnits.get(accessUnits.size() - 1).add(nal); // parameter sets travel in the hvcC only, as from OBS
            }
        }
        List<FlvTag> tags = new ArrayList<>();
        tags.add(new FlvTag(FlvTag.VIDEO, 0, buffer().writeByte(0x90).writeBytes(new byte[] {'h', 'v', 'c', '1'}).writeBytes(hvcC(parameterSets))));
        long frame = 0;
        for (List<byte[]> au : accessUnits) {
            if (au.isEmpty()) continue;
            boolean key = au.stream().anyMatch(n -> ((n[0] >> 1) & 0x3F) >= 16 && ((n[0] >> 1) & 0x3F) <= 23);
            ByteBuf body = buffer().writeByte(0x80 | (key ? 0x10 : 0x20) | (key ? 3 : 1)).writeBytes(new byte[] {'h', 'v', 'c', '1'});
            if (!key) body.writeMedium(0); // CodedFrames carries a composition time; CodedFramesX does not
            for (byte[] nal : au) body.writeInt(nal.length).writeBytes(nal);
            tags.add(new FlvTag(FlvTag.VIDEO, Math.round(frame++ * 1000.0 / fps), body));
        }
        return tags;
    }

    private static byte[] hvcC(byte[][] parameterSets) {
        ByteBuf b = Unpooled.buffer();
        b.writeBytes(new byte[] {1, 1, 0x60, 0, 0, 0, (byte) 0x90, 0, 0, 0, 0, 0, 0x5D, (byte) 0xF0, 0, (byte) 0xFC,
                (byte) 0xFD, (byte) 0xF8, (byte) 0xF8, 0, 0, 0x0F, 3});
        for (int i = 0; i < 3; i++) {
            b.writeByte(0x80 | (VPS + i)).writeShort(1).writeShort(parameterSets[i].length).writeBytes(parameterSets[i]);
        }
        return Arrays.copyOf(b.array(), b.writerIndex());
    }

    /** The NAL units between start codes (3 or 4 bytes). */
    private static List<byte[]> split(byte[] s) {
        List<byte[]> nals = new ArrayList<>();
        int start = -1;
        for (int i = 0; i + 3 <= s.length; i++) {
            if (s[i] == 0 && s[i + 1] == 0 && s[i + 2] == 1) {
                if (start >= 0) nals.add(trim(s, start, i));
                start = i + 3;
                i += 2;
            }
        }
        if (start >= 0) nals.add(trim(s, start, s.length));
        return nals;
    }

    /** A NAL unit without the zero byte that belongs to the next 4-byte start code. */
    private static byte[] trim(byte[] s, int from, int to) {
        while (to > from && s[to - 1] == 0) to--;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(s, from, to - from);
        return out.toByteArray();
    }

    private static ByteBuf buffer() {
        return ByteBufAllocator.DEFAULT.buffer();
    }
}
