package dev.marquee.bench.publish;

import dev.marquee.media.core.flv.FlvTag;
import dev.marquee.media.core.flv.FlvTagWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small source file for bench tests. */
public final class TestSource {
    private TestSource() {}

    /**
     * Metadata, AVC (4-byte NAL lengths) and AAC sequence headers, then 30 AVC frames of 985 bytes at 30 fps, the
     * first a keyframe, and 10 audio frames of 85: a loop of 990 ms. Written as {@code src.flv} in {@code dir}.
     */
    public static Path write(Path dir) throws IOException {
        ByteBuf out = Unpooled.buffer();
        ByteBuf header = FlvTagWriter.encodeFileHeader(UnpooledByteBufAllocator.DEFAULT, true, true);
        out.writeBytes(header);
        header.release();
        tag(out, 18, 0, (byte) 2, (byte) 0, (byte) 10, "onMetaData".getBytes()[0]);
        tag(out, 9, 0, (byte) 0x17, (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) 1, (byte) 0x64, (byte) 0, (byte) 0x1F, (byte) 0xFF);
        tag(out, 8, 0, (byte) 0xAF, (byte) 0, (byte) 0x12, (byte) 0x10);
        for (int i = 0; i < 30; i++) {
            byte[] frame = new byte[985];
            frame[0] = (byte) (i == 0 ? 0x17 : 0x27);
            frame[1] = 1;
            tag(out, 9, i * 33L, frame);
            if (i % 3 == 0) tag(out, 8, i * 33L + 5, new byte[85]);
        }
        Path file = dir.resolve("src.flv");
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        Files.write(file, bytes);
        return file;
    }

    private static void tag(ByteBuf out, int type, long ts, byte... body) {
        FlvTag tag = new FlvTag(type, ts, Unpooled.wrappedBuffer(body));
        FlvTagWriter.write(out, tag);
        tag.release();
    }
}
