package dev.marquee.bench.scan;

import dev.marquee.media.core.flv.FlvTag;
import dev.marquee.media.core.flv.FlvTagWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.function.Consumer;

/** Test FLV streams, written with media-core's writer, and ways of feeding them in pieces (viewer tests use it too). */
public final class FlvBytes {
    private FlvBytes() {}

    public static byte[] body(int size, int seed, byte... first) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        System.arraycopy(first, 0, b, 0, Math.min(first.length, size));
        return b;
    }

    /** File header, PreviousTagSize0, then each tag. */
    public static byte[] stream(FlvTag... tags) {
        ByteBuf out = Unpooled.buffer();
        ByteBuf header = FlvTagWriter.encodeFileHeader(UnpooledByteBufAllocator.DEFAULT, true, true);
        out.writeBytes(header);
        header.release();
        for (FlvTag tag : tags) {
            FlvTagWriter.write(out, tag);
            tag.release();
        }
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }

    public static FlvTag tag(int type, long timestamp, byte[] body) {
        return new FlvTag(type, timestamp, Unpooled.wrappedBuffer(body));
    }

    /** Feeds bytes in pieces of random sizes (1 … maxPiece), each copied into a reused direct buffer. */
    static void feed(byte[] bytes, int maxPiece, long seed, Consumer<ByteBuffer> scan) {
        Random random = new Random(seed);
        ByteBuffer direct = ByteBuffer.allocateDirect(maxPiece);
        int pos = 0;
        while (pos < bytes.length) {
            int n = Math.min(bytes.length - pos, 1 + random.nextInt(maxPiece));
            direct.clear();
            direct.put(bytes, pos, n);
            pos += n;
            direct.limit(n);
            scan.accept(direct);
        }
    }
}
