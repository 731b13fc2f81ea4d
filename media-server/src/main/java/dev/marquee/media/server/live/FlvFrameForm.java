package dev.marquee.media.server.live;

import dev.marquee.media.core.flv.FlvTag;
import dev.marquee.media.core.flv.FlvTagWriter;
import dev.marquee.media.live.FrameForm;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/** A frame as FLV tag bytes (tag header, body, PreviousTagSize), as HTTP-FLV viewers and the companions take it. */
enum FlvFrameForm implements FrameForm {
    /** Bare tags: the server's own consumers (recorder, HLS packager) and HTTP/1.0 viewers. */
    PLAIN {
        @Override
        public ByteBuf encode(FlvTag tag) {
            return FlvTagWriter.encode(ByteBufAllocator.DEFAULT, tag);
        }
    },
    /**
     * Each tag as one HTTP/1.1 chunk, so any run of frames is a valid chunked body as it stands: a viewer's
     * flush is the shared bytes alone, one buffer when the fan-out merged the round, with no framing of its own.
     */
    HTTP_CHUNK {
        @Override
        public ByteBuf encode(FlvTag tag) {
            int length = FlvTagWriter.TAG_HEADER_SIZE + tag.size() + FlvTagWriter.PREVIOUS_TAG_SIZE;
            ByteBuf out = ByteBufAllocator.DEFAULT.buffer(length + CHUNK_OVERHEAD);
            writeChunkHead(out, length);
            FlvTagWriter.write(out, tag);
            return out.writeBytes(CRLF);
        }
    };

    /** The most a chunk adds: up to 8 hex digits, CRLF after them and CRLF after the data. */
    static final int CHUNK_OVERHEAD = 12;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CRLF = {'\r', '\n'};

    /** "{hex length}\r\n": what opens an HTTP chunk of {@code length} bytes. */
    static void writeChunkHead(ByteBuf out, int length) {
        int digits = Math.max(1, (35 - Integer.numberOfLeadingZeros(length)) / 4);
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out.writeByte(HEX[(length >>> shift) & 0xF]);
        out.writeBytes(CRLF);
    }

    /** Wraps {@code data} (released) as one HTTP chunk in a new buffer. */
    static ByteBuf chunk(ByteBufAllocator alloc, ByteBuf data) {
        try {
            ByteBuf out = alloc.buffer(data.readableBytes() + CHUNK_OVERHEAD);
            writeChunkHead(out, data.readableBytes());
            return out.writeBytes(data).writeBytes(CRLF);
        } finally {
            data.release();
        }
    }
}
