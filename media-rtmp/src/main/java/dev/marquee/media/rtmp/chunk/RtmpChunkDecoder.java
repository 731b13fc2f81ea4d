package dev.marquee.media.rtmp.chunk;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.IntObjectMap;
import java.util.List;

/**
 * Reassembles the RTMP chunk stream into {@link RtmpMessage}s: basic headers of 1 to 3 bytes, message
 * headers of type 0 to 3, extended timestamps (with or without the copy that ffmpeg, librtmp and OBS
 * repeat in type 3 chunks), unsigned 32-bit timestamps that accumulate deltas and wrap.
 *
 * <p>Set Chunk Size and Abort from the peer take effect here, before the next chunk is read; both are
 * still passed on. Memory is bounded: a declared message length above the limit fails before anything is
 * allocated, payload buffers grow with the bytes actually received, and only so many messages may be in
 * progress at once. Any violation raises {@link RtmpProtocolException}, after which input is discarded.
 */
public class RtmpChunkDecoder extends ByteToMessageDecoder {
    public static final int DEFAULT_CHUNK_SIZE = 128;
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 16 * 1024 * 1024;
    public static final int DEFAULT_MAX_PARTIAL_MESSAGES = 16;
    public static final int DEFAULT_MAX_CHUNK_STREAMS = 256;

    private static final int[] MESSAGE_HEADER_LENGTH = {11, 7, 3, 0};
    private static final int INITIAL_PAYLOAD_CAPACITY = 64 * 1024;

    private enum State {
        HEADER,
        PAYLOAD,
        FAILED
    }

    /** What a chunk stream remembers from earlier headers, and the message it is assembling. */
    private static final class ChunkStream {
        final int id;
        long timestamp;
        /** The last type 0–2 timestamp field (extended value included): the delta a type 3 header reuses. */
        long timestampField;
        boolean extended;
        int length;
        int typeId;
        int messageStreamId;
        ByteBuf payload; // non-null while a message is in progress

        ChunkStream(int id) {
            this.id = id;
        }
    }

    private final int maxMessageLength;
    private final int maxPartialMessages;
    private final int maxChunkStreams;
    private final IntObjectMap<ChunkStream> streams = new IntObjectHashMap<>();
    private State state = State.HEADER;
    private int chunkSize = DEFAULT_CHUNK_SIZE;
    private ChunkStream current;
    private int chunkRemaining;
    private int partialMessages;
    private long bufferedBytes;

    public RtmpChunkDecoder() {
        this(DEFAULT_MAX_MESSAGE_LENGTH);
    }

    public RtmpChunkDecoder(int maxMessageLength) {
        this(maxMessageLength, DEFAULT_MAX_PARTIAL_MESSAGES, DEFAULT_MAX_CHUNK_STREAMS);
    }

    /**
     * @param maxMessageLength   largest message accepted, in bytes (at most 0xFFFFFF, RTMP's own limit)
     * @param maxPartialMessages messages that may be in progress at once on different chunk streams
     * @param maxChunkStreams    distinct chunk stream ids a connection may use
     */
    public RtmpChunkDecoder(int maxMessageLength, int maxPartialMessages, int maxChunkStreams) {
        if (maxMessageLength < 1) throw new IllegalArgumentException("maxMessageLength " + maxMessageLength);
        if (maxPartialMessages < 1) throw new IllegalArgumentException("maxPartialMessages " + maxPartialMessages);
        if (maxChunkStreams < 1) throw new IllegalArgumentException("maxChunkStreams " + maxChunkStreams);
        this.maxMessageLength = maxMessageLength;
        this.maxPartialMessages = maxPartialMessages;
        this.maxChunkStreams = maxChunkStreams;
    }

    /** The peer's current chunk size. */
    public int chunkSize() {
        return chunkSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (state == State.FAILED) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            if (state == State.HEADER) {
                if (!readHeader(ctx, in)) return;
                state = State.PAYLOAD;
            }
            readPayload(in, out);
        } catch (RtmpProtocolException e) {
            state = State.FAILED;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }

    /** Reads one whole chunk header, or nothing when it has not all arrived. */
    private boolean readHeader(ChannelHandlerContext ctx, ByteBuf in) {
        int start = in.readerIndex();
        int readable = in.readableBytes();
        int first = in.getUnsignedByte(start);
        int fmt = first >>> 6;
        int csid = first & 0x3F;
        int pos = 1;
        if (csid == 0) {
            if (readable < 2) return false;
            csid = 64 + in.getUnsignedByte(start + 1);
            pos = 2;
        } else if (csid == 1) {
            if (readable < 3) return false;
            csid = 64 + in.getUnsignedByte(start + 1) + (in.getUnsignedByte(start + 2) << 8);
            pos = 3;
        }
        int end = pos + MESSAGE_HEADER_LENGTH[fmt];
        if (readable < end) return false;

        ChunkStream cs = streams.get(csid);
        // librtmp opens chunk stream 2 with a type 1 header; types 2 and 3 have nothing to start from
        if (cs == null && fmt > 1) {
            throw new RtmpProtocolException("chunk stream " + csid + " starts with a type " + fmt + " header");
        }
        long field = fmt <= 2 ? in.getUnsignedMedium(start + pos) : cs.timestampField;
        boolean extended = fmt <= 2 ? field == 0xFFFFFF : cs.extended;
        if (extended) {
            if (readable < end + 4) return false;
            long value = in.getUnsignedInt(start + end);
            if (fmt <= 2 || cs.payload == null) {
                field = value; // a type 3 header that starts a message carries its delta here, like FFmpeg reads it
                end += 4;
            } else if (value == cs.timestampField) {
                end += 4; // the copy ffmpeg, librtmp and OBS repeat inside a message; others send payload right away
            }
        }

        // the whole header is here: apply it
        if (cs == null) {
            if (streams.size() >= maxChunkStreams) {
                throw new RtmpProtocolException("more than " + maxChunkStreams + " chunk streams");
            }
            cs = new ChunkStream(csid);
            streams.put(csid, cs);
        }
        if (fmt <= 1) {
            int length = in.getUnsignedMedium(start + pos + 3);
            if (length > maxMessageLength) {
                throw new RtmpProtocolException("message of " + length + " bytes on chunk stream " + csid
                        + " exceeds the limit of " + maxMessageLength);
            }
            if (cs.payload != null) discardPartial(cs);
            cs.length = length;
            cs.typeId = in.getUnsignedByte(start + pos + 6);
            if (fmt == 0) cs.messageStreamId = in.getIntLE(start + pos + 7);
        } else if (fmt == 2 && cs.payload != null) {
            discardPartial(cs);
        }
        cs.timestampField = field;
        cs.extended = extended;
        if (cs.payload == null) {
            cs.timestamp = fmt == 0 ? field : (cs.timestamp + cs.timestampField) & 0xFFFFFFFFL;
            startMessage(ctx, cs);
        }
        in.skipBytes(end);
        current = cs;
        chunkRemaining = Math.min(chunkSize, cs.length - cs.payload.writerIndex());
        return true;
    }

    private void startMessage(ChannelHandlerContext ctx, ChunkStream cs) {
        if (partialMessages >= maxPartialMessages) {
            throw new RtmpProtocolException("more than " + maxPartialMessages + " messages in progress");
        }
        cs.payload = ctx.alloc().buffer(Math.min(cs.length, INITIAL_PAYLOAD_CAPACITY), cs.length);
        partialMessages++;
    }

    private void readPayload(ByteBuf in, List<Object> out) {
        int n = Math.min(chunkRemaining, in.readableBytes());
        if (n > 0) {
            bufferedBytes += n;
            if (bufferedBytes > 2L * maxMessageLength) {
                throw new RtmpProtocolException("more than " + 2L * maxMessageLength + " bytes in partial messages");
            }
            current.payload.writeBytes(in, n);
            chunkRemaining -= n;
        }
        if (chunkRemaining > 0) return;
        state = State.HEADER;
        ChunkStream cs = current;
        current = null;
        if (cs.payload.writerIndex() < cs.length) return; // more chunks to come
        ByteBuf payload = cs.payload;
        cs.payload = null;
        partialMessages--;
        bufferedBytes -= cs.length;
        RtmpMessage message = new RtmpMessage(cs.id, cs.typeId, cs.messageStreamId, cs.timestamp, payload);
        try {
            applyControl(message);
        } catch (RuntimeException e) {
            message.release();
            throw e;
        }
        out.add(message);
    }

    /** Set Chunk Size and Abort change how the very next chunk is read. */
    private void applyControl(RtmpMessage message) {
        int type = message.typeId();
        if (type != RtmpMessage.SET_CHUNK_SIZE && type != RtmpMessage.ABORT) return;
        ByteBuf payload = message.payload();
        if (payload.readableBytes() < 4) {
            throw new RtmpProtocolException("protocol control message " + type + " of " + payload.readableBytes() + " bytes");
        }
        int value = payload.getInt(payload.readerIndex());
        if (type == RtmpMessage.SET_CHUNK_SIZE) {
            if (value <= 0) throw new RtmpProtocolException("invalid chunk size " + Integer.toUnsignedString(value));
            chunkSize = value;
        } else {
            ChunkStream aborted = streams.get(value);
            if (aborted != null && aborted.payload != null) discardPartial(aborted);
        }
    }

    private void discardPartial(ChunkStream cs) {
        bufferedBytes -= cs.payload.writerIndex();
        cs.payload.release();
        cs.payload = null;
        partialMessages--;
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        for (ChunkStream cs : streams.values()) {
            if (cs.payload != null) discardPartial(cs);
        }
        streams.clear();
        current = null;
    }
}
