package dev.marquee.bench;

import dev.marquee.bench.scan.HttpFlvScanner;
import dev.marquee.bench.scan.RtmpChunkScanner;
import dev.marquee.bench.stats.ViewerStats;
import dev.marquee.media.core.flv.FlvTag;
import dev.marquee.media.core.flv.FlvTagWriter;
import dev.marquee.media.rtmp.chunk.RtmpChunkEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs the viewers' parsing code over an in-memory stream before the first real viewer joins, so the JIT has
 * compiled it by then. Without this, the first joins of every load process measured the client's own warm-up
 * (hundreds of milliseconds while three JVMs compile on one core), not the server's time to first keyframe.
 */
final class ScannerWarmup {
    private static final int READ_SIZE = 256 * 1024;
    private static final int RTMP_CHUNK = 60_000;

    private ScannerWarmup() {}

    /** Scans tags (a second of the source, say) as HTTP-FLV or RTMP, over and over, for about the given time. */
    static void run(String protocol, List<FlvTag> tags, long millis) {
        ByteBuffer stream = protocol.equals("rtmp") ? rtmp(tags) : httpFlv(tags);
        long deadline = System.nanoTime() + millis * 1_000_000;
        for (int round = 0; System.nanoTime() < deadline && round < 100_000; round++) {
            ViewerStats stats = new ViewerStats(-1, false);
            if (protocol.equals("rtmp")) {
                RtmpChunkScanner scanner = new RtmpChunkScanner(stats, (type, msid, payload, length) -> {});
                feed(stream, (buf, n) -> scanner.scan(buf, 0, n, 0));
            } else {
                HttpFlvScanner scanner = new HttpFlvScanner(stats);
                feed(stream, (buf, n) -> scanner.scan(buf, 0, n, 0));
            }
        }
    }

    private interface Scan {
        void scan(ByteBuffer buf, int length);
    }

    /** Hands the stream over in reads of the size the viewer loop uses, each starting at position 0. */
    private static void feed(ByteBuffer stream, Scan scan) {
        ByteBuffer read = ByteBuffer.allocateDirect(READ_SIZE);
        ByteBuffer source = stream.duplicate();
        while (source.hasRemaining()) {
            read.clear();
            int n = Math.min(read.capacity(), source.remaining());
            read.put(source.slice(source.position(), n));
            source.position(source.position() + n);
            scan.scan(read, n);
        }
    }

    private static ByteBuffer httpFlv(List<FlvTag> tags) {
        ByteBuf out = Unpooled.buffer();
        out.writeBytes("HTTP/1.1 200 OK\r\nContent-Type: video/x-flv\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        ByteBuf header = FlvTagWriter.encodeFileHeader(UnpooledByteBufAllocator.DEFAULT, true, true);
        out.writeBytes(header);
        header.release();
        for (FlvTag tag : tags) FlvTagWriter.write(out, tag);
        return toBuffer(out);
    }

    private static ByteBuffer rtmp(List<FlvTag> tags) {
        ByteBuf out = Unpooled.buffer();
        RtmpChunkEncoder.write(out, 128, 2, RtmpChunkScanner.SET_CHUNK_SIZE, 0, 0, Unpooled.buffer(4).writeInt(RTMP_CHUNK));
        for (FlvTag tag : tags) {
            RtmpChunkEncoder.write(out, RTMP_CHUNK, tag.isVideo() ? 6 : 4, tag.type(), 1, tag.timestamp(), tag.body());
        }
        return toBuffer(out);
    }

    private static ByteBuffer toBuffer(ByteBuf out) {
        ByteBuffer b = ByteBuffer.allocateDirect(out.readableBytes());
        out.readBytes(b);
        out.release();
        return b.flip();
    }
}
