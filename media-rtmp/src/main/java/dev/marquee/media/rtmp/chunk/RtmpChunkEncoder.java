package dev.marquee.media.rtmp.chunk;

import dev.marquee.media.core.flv.FlvTag;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Splits {@link RtmpMessage}s into chunks of our outgoing chunk size: a type 0 header, then type 3
 * headers, each repeating the extended timestamp when there is one (as FFmpeg and librtmp expect). A
 * Set Chunk Size message passing through changes the size for the messages after it. Ready-made chunk
 * bytes ({@link #encode}, shared by many viewers) pass through untouched.
 */
public class RtmpChunkEncoder extends MessageToByteEncoder<RtmpMessage> {
    public static final int MAX_CHUNK_STREAM_ID = 65599;

    private int chunkSize = RtmpChunkDecoder.DEFAULT_CHUNK_SIZE;

    public RtmpChunkEncoder() {
        super(RtmpMessage.class);
    }

    /** Our current outgoing chunk size. */
    public int chunkSize() {
        return chunkSize;
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, RtmpMessage msg, boolean preferDirect) {
        return ctx.alloc().ioBuffer(encodedLength(chunkSize, msg.chunkStreamId(), msg.timestamp(), msg.payload().readableBytes()));
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, RtmpMessage msg, ByteBuf out) {
        ByteBuf payload = msg.payload();
        write(out, chunkSize, msg.chunkStreamId(), msg.typeId(), msg.messageStreamId(), msg.timestamp(), payload);
        if (msg.typeId() == RtmpMessage.SET_CHUNK_SIZE && payload.readableBytes() >= 4) {
            int size = payload.getInt(payload.readerIndex());
            if (size > 0) chunkSize = size;
        }
    }

    /** One message as chunk bytes in one buffer: the "RTMP form" of a frame, written to every viewer. */
    public static ByteBuf encode(ByteBufAllocator alloc, int chunkSize, RtmpMessage msg) {
        return encode(alloc, chunkSize, msg.chunkStreamId(), msg.typeId(), msg.messageStreamId(), msg.timestamp(), msg.payload());
    }

    /**
     * An FLV tag (audio, video or script: their type ids are RTMP's) as chunk bytes on message stream
     * messageStreamId, on chunk stream 4 (audio), 6 (video) or 5 (script). Build it once per frame and
     * write {@code retainedDuplicate()}s to every RTMP viewer whose connection uses this chunk size.
     */
    public static ByteBuf encode(ByteBufAllocator alloc, int chunkSize, int messageStreamId, FlvTag tag) {
        int chunkStreamId = tag.isAudio() ? 4 : tag.isVideo() ? 6 : 5;
        return encode(alloc, chunkSize, chunkStreamId, tag.type(), messageStreamId, tag.timestamp(), tag.body());
    }

    /** As {@link #encode(ByteBufAllocator, int, RtmpMessage)}; the payload's indexes do not move. */
    public static ByteBuf encode(ByteBufAllocator alloc, int chunkSize, int chunkStreamId, int typeId, int messageStreamId,
                                 long timestamp, ByteBuf payload) {
        ByteBuf out = alloc.ioBuffer(encodedLength(chunkSize, chunkStreamId, timestamp, payload.readableBytes()));
        try {
            write(out, chunkSize, chunkStreamId, typeId, messageStreamId, timestamp, payload);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    /** Bytes {@link #encode} produces for a payload of this length. */
    public static int encodedLength(int chunkSize, int chunkStreamId, long timestamp, int payloadLength) {
        int chunks = payloadLength == 0 ? 1 : (int) ((payloadLength + (long) chunkSize - 1) / chunkSize);
        int perChunk = basicHeaderLength(chunkStreamId) + (isExtended(timestamp) ? 4 : 0);
        return chunks * perChunk + 11 + payloadLength;
    }

    /** Writes the message's chunks to out; the payload's indexes do not move. */
    public static void write(ByteBuf out, int chunkSize, int chunkStreamId, int typeId, int messageStreamId, long timestamp,
                             ByteBuf payload) {
        if (chunkSize < 1) throw new IllegalArgumentException("chunk size " + chunkSize);
        int length = payload.readableBytes();
        if (length > 0xFFFFFF) throw new IllegalArgumentException("message of " + length + " bytes");
        timestamp &= 0xFFFFFFFFL;
        boolean extended = isExtended(timestamp);
        writeBasicHeader(out, 0, chunkStreamId);
        out.writeMedium(extended ? 0xFFFFFF : (int) timestamp);
        out.writeMedium(length);
        out.writeByte(typeId);
        out.writeIntLE(messageStreamId);
        if (extended) out.writeInt((int) timestamp);
        int offset = payload.readerIndex();
        int end = offset + length;
        while (true) {
            int n = Math.min(chunkSize, end - offset);
            out.writeBytes(payload, offset, n);
            offset += n;
            if (offset >= end) return;
            writeBasicHeader(out, 3, chunkStreamId);
            if (extended) out.writeInt((int) timestamp);
        }
    }

    private static boolean isExtended(long timestamp) {
        return (timestamp & 0xFFFFFFFFL) >= 0xFFFFFF;
    }

    private static int basicHeaderLength(int chunkStreamId) {
        checkChunkStreamId(chunkStreamId);
        return chunkStreamId < 64 ? 1 : chunkStreamId < 320 ? 2 : 3;
    }

    private static void writeBasicHeader(ByteBuf out, int fmt, int chunkStreamId) {
        checkChunkStreamId(chunkStreamId);
        if (chunkStreamId < 64) {
            out.writeByte(fmt << 6 | chunkStreamId);
        } else if (chunkStreamId < 320) {
            out.writeByte(fmt << 6);
            out.writeByte(chunkStreamId - 64);
        } else {
            out.writeByte(fmt << 6 | 1);
            out.writeShortLE(chunkStreamId - 64);
        }
    }

    private static void checkChunkStreamId(int chunkStreamId) {
        if (chunkStreamId < 2 || chunkStreamId > MAX_CHUNK_STREAM_ID) {
            throw new IllegalArgumentException("chunk stream id " + chunkStreamId);
        }
    }
}
