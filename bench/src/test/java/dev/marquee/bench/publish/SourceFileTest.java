package dev.marquee.bench.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.bench.scan.BenchStamp;
import dev.marquee.media.core.flv.FlvTag;
import dev.marquee.media.core.flv.FlvTagWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFileTest {
    @TempDir
    Path dir;

    private static void write(ByteBuf out, int type, long ts, byte... body) {
        FlvTag tag = new FlvTag(type, ts, Unpooled.wrappedBuffer(body));
        FlvTagWriter.write(out, tag);
        tag.release();
    }

    /** Metadata, AVC and AAC sequence headers, then 30 video frames of 985 bytes at 30 fps and 10 audio frames of 85. */
    private Path file() throws Exception {
        ByteBuf out = Unpooled.buffer();
        ByteBuf header = FlvTagWriter.encodeFileHeader(UnpooledByteBufAllocator.DEFAULT, true, true);
        out.writeBytes(header);
        header.release();
        write(out, 18, 0, (byte) 2, (byte) 0, (byte) 10, "onMetaData".getBytes()[0]);
        write(out, 9, 0, (byte) 0x17, (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) 1, (byte) 0x64, (byte) 0, (byte) 0x1F, (byte) 0xFF);
        write(out, 8, 0, (byte) 0xAF, (byte) 0, (byte) 0x12, (byte) 0x10);
        for (int i = 0; i < 30; i++) {
            byte[] frame = new byte[985];
            frame[0] = (byte) (i == 0 ? 0x17 : 0x27);
            frame[1] = 1;
            write(out, 9, i * 33L, frame);
            if (i % 3 == 0) write(out, 8, i * 33L + 5, new byte[85]);
        }
        Path file = dir.resolve("src.flv");
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void knowsItsLoopAndTheBitrateViewersShouldGet() throws Exception {
        try (SourceFile source = SourceFile.read(file())) {
            assertThat(source.loopMillis()).isEqualTo(29 * 33 + 33);
            assertThat(source.nalLengthSize()).isEqualTo(4);
            long plain = 30 * (985 + 15) + 10 * (85 + 15);
            assertThat(source.kbps(false)).isEqualTo(plain * 8.0 / 990);
            assertThat(source.kbps(true)).isEqualTo((plain + 30 * BenchStamp.SIZE) * 8.0 / 990);
        }
    }
}
