package dev.marquee.media.core.flv;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.function.Consumer;

/**
 * Parses an FLV byte stream fed in pieces of any size and emits {@link FlvTag}s whose bodies are fresh
 * buffers (the input is never retained, so the caller may release each piece as soon as {@link #feed}
 * returns).
 *
 * <p>Refused with {@link FlvFormatException}: a bad signature or version, a tag type other than audio (8),
 * video (9) or script (18), a tag with the filter bit set (encrypted), a tag body over the size limit, and a
 * PreviousTagSize that does not match the tag before it (a desynchronised or corrupt stream). After a refusal
 * the reader stays {@link State#FAILED}.
 */
public final class FlvReader implements AutoCloseable {
    public static final int DEFAULT_MAX_TAG_SIZE = 16 * 1024 * 1024;
    private static final int FILTER_BIT = 0x20;
    private static final int TYPE_MASK = 0x1F;

    /** What the next bytes are. */
    public enum State { HEADER, TAG_HEADER, TAG_BODY, PREVIOUS_SIZE, FAILED }

    private final ByteBufAllocator alloc;
    private final int maxTagSize;
    // Fixed-size parts (file header, tag header, PreviousTagSize) are gathered here across pieces.
    private final ByteBuf scratch = Unpooled.buffer(FlvTagWriter.TAG_HEADER_SIZE, FlvTagWriter.TAG_HEADER_SIZE);
    private State state = State.HEADER;
    private FlvHeader header;
    private long headerPaddingLeft;
    private long expectedPreviousSize;
    private int tagType;
    private long tagTimestamp;
    private int tagSize;
    private ByteBuf body;

    public FlvReader() {
        this(ByteBufAllocator.DEFAULT, DEFAULT_MAX_TAG_SIZE);
    }

    public FlvReader(int maxTagSize) {
        this(ByteBufAllocator.DEFAULT, maxTagSize);
    }

    public FlvReader(ByteBufAllocator alloc, int maxTagSize) {
        if (maxTagSize < 0) throw new IllegalArgumentException("maxTagSize " + maxTagSize);
        this.alloc = alloc;
        this.maxTagSize = maxTagSize;
    }

    /**
     * Consumes every readable byte of {@code data} (its reader index moves to the end; it is not released)
     * and hands each completed tag to {@code sink}, which then owns it.
     */
    public void feed(ByteBuf data, Consumer<? super FlvTag> sink) {
        try {
            while (data.isReadable()) {
                switch (state) {
                    case HEADER -> readHeader(data);
                    case PREVIOUS_SIZE -> readPreviousSize(data);
                    case TAG_HEADER -> readTagHeader(data, sink);
                    case TAG_BODY -> readTagBody(data, sink);
                    case FAILED -> throw new FlvFormatException("FLV reader already failed");
                }
            }
        } catch (FlvFormatException e) {
            fail();
            throw e;
        }
    }

    public State state() {
        return state;
    }

    /** The file header, or null until its 9 bytes have arrived. */
    public FlvHeader header() {
        return header;
    }

    /** True between tags: a stream that ends here ended cleanly. */
    public boolean isAtTagBoundary() {
        return state == State.TAG_HEADER && scratch.writerIndex() == 0;
    }

    /** Releases a partly received tag body. */
    @Override
    public void close() {
        if (state != State.FAILED) fail();
    }

    private void readHeader(ByteBuf data) {
        if (header == null) {
            if (!gather(data, FlvHeader.SIZE)) return;
            header = FlvHeader.read(scratch);
            scratch.clear();
            headerPaddingLeft = header.dataOffset() - FlvHeader.SIZE;
            if (headerPaddingLeft > maxTagSize) throw new FlvFormatException("FLV data offset " + header.dataOffset());
        }
        int skip = (int) Math.min(headerPaddingLeft, data.readableBytes());
        data.skipBytes(skip);
        headerPaddingLeft -= skip;
        if (headerPaddingLeft == 0) {
            expectedPreviousSize = 0; // PreviousTagSize0
            state = State.PREVIOUS_SIZE;
        }
    }

    private void readPreviousSize(ByteBuf data) {
        if (!gather(data, FlvTagWriter.PREVIOUS_TAG_SIZE)) return;
        long previousSize = scratch.readUnsignedInt();
        scratch.clear();
        if (previousSize != expectedPreviousSize) {
            throw new FlvFormatException("PreviousTagSize " + previousSize + ", expected " + expectedPreviousSize);
        }
        state = State.TAG_HEADER;
    }

    private void readTagHeader(ByteBuf data, Consumer<? super FlvTag> sink) {
        if (!gather(data, FlvTagWriter.TAG_HEADER_SIZE)) return;
        int typeByte = scratch.readUnsignedByte();
        int size = scratch.readUnsignedMedium();
        long timestamp = scratch.readUnsignedMedium() | ((long) scratch.readUnsignedByte() << 24);
        scratch.clear(); // StreamID (3 bytes) is always 0 and carries nothing
        if ((typeByte & FILTER_BIT) != 0) throw new FlvFormatException("filtered (encrypted) FLV tags are not supported");
        int type = typeByte & TYPE_MASK;
        if (type != FlvTag.AUDIO && type != FlvTag.VIDEO && type != FlvTag.SCRIPT) {
            throw new FlvFormatException("unknown FLV tag type " + type);
        }
        if (size > maxTagSize) throw new FlvFormatException("FLV tag of " + size + " bytes exceeds limit " + maxTagSize);
        tagType = type;
        tagTimestamp = timestamp;
        tagSize = size;
        // Grow with the data that arrives instead of trusting the declared size up front.
        body = alloc.buffer(Math.min(size, Math.max(data.readableBytes(), 256)), size);
        state = State.TAG_BODY;
        if (size == 0) emit(sink);
    }

    private void readTagBody(ByteBuf data, Consumer<? super FlvTag> sink) {
        int n = Math.min(tagSize - body.writerIndex(), data.readableBytes());
        body.writeBytes(data, n);
        if (body.writerIndex() == tagSize) emit(sink);
    }

    private void emit(Consumer<? super FlvTag> sink) {
        FlvTag tag = new FlvTag(tagType, tagTimestamp, body);
        body = null;
        expectedPreviousSize = FlvTagWriter.TAG_HEADER_SIZE + (long) tagSize;
        state = State.PREVIOUS_SIZE;
        sink.accept(tag);
    }

    /** Copies bytes into the scratch buffer until it holds {@code size}; true when it does. */
    private boolean gather(ByteBuf data, int size) {
        int n = Math.min(size - scratch.writerIndex(), data.readableBytes());
        scratch.writeBytes(data, n);
        return scratch.writerIndex() == size;
    }

    private void fail() {
        state = State.FAILED;
        if (body != null) {
            body.release();
            body = null;
        }
    }
}
