package dev.marquee.bench.scan;

import java.nio.ByteBuffer;

/**
 * Walks an FLV byte stream fed in pieces of any size, in place: it reads the file header and each tag header,
 * keeps the first {@link TagSink#PEEK_BYTES} of video bodies and skips everything else without copying. Each
 * PreviousTagSize is checked against the tag before it, so a desynchronised stream fails at once.
 */
public final class FlvTagScanner {
    private static final int FILE_HEADER = 9;
    // PreviousTagSize of the tag before, then the 11-byte header of the next.
    private static final int TAG_PREFIX = 4 + 11;

    private enum State { FILE_HEADER, PADDING, TAG_PREFIX, TAG_BODY, FAILED }

    private final TagSink sink;
    private final byte[] head = new byte[TAG_PREFIX];
    private final byte[] peek = new byte[TagSink.PEEK_BYTES];
    private State state = State.FILE_HEADER;
    private int have;
    private long paddingLeft;
    private long expectedPreviousSize;
    private int tagType;
    private long tagTimestamp;
    private int tagSize;
    private int bodyLeft;
    private int peekLength;
    private long tags;

    public FlvTagScanner(TagSink sink) {
        this.sink = sink;
    }

    /** Complete tags seen so far. */
    public long tags() {
        return tags;
    }

    /** Consumes bytes [from, to) of buf (absolute indexes; position and limit are not used). */
    public void scan(ByteBuffer buf, int from, int to, long arrivalMicros) {
        int pos = from;
        while (pos < to) {
            switch (state) {
                case FILE_HEADER -> {
                    pos = gather(buf, pos, to, FILE_HEADER);
                    if (have == FILE_HEADER) readFileHeader();
                }
                case PADDING -> {
                    int n = (int) Math.min(paddingLeft, to - pos);
                    pos += n;
                    paddingLeft -= n;
                    if (paddingLeft == 0) state = State.TAG_PREFIX;
                }
                case TAG_PREFIX -> {
                    pos = gather(buf, pos, to, TAG_PREFIX);
                    if (have == TAG_PREFIX) readTagPrefix(arrivalMicros);
                }
                case TAG_BODY -> {
                    int n = Math.min(bodyLeft, to - pos);
                    if (tagType == 9 && peekLength < peek.length) {
                        int k = Math.min(n, peek.length - peekLength);
                        buf.get(pos, peek, peekLength, k);
                        peekLength += k;
                    }
                    pos += n;
                    bodyLeft -= n;
                    if (bodyLeft == 0) emit(arrivalMicros);
                }
                case FAILED -> throw new StreamFormatException("FLV scanner already failed");
            }
        }
    }

    private int gather(ByteBuffer buf, int pos, int to, int size) {
        int n = Math.min(size - have, to - pos);
        buf.get(pos, head, have, n);
        have += n;
        return pos + n;
    }

    private void readFileHeader() {
        have = 0;
        if (head[0] != 'F' || head[1] != 'L' || head[2] != 'V') fail("not an FLV stream");
        long dataOffset = u32(5);
        if (dataOffset < FILE_HEADER || dataOffset > 1 << 20) fail("FLV data offset " + dataOffset);
        paddingLeft = dataOffset - FILE_HEADER;
        expectedPreviousSize = 0;
        state = paddingLeft == 0 ? State.TAG_PREFIX : State.PADDING;
    }

    private void readTagPrefix(long arrivalMicros) {
        have = 0;
        long previousSize = u32(0);
        if (previousSize != expectedPreviousSize) {
            fail("PreviousTagSize " + previousSize + ", expected " + expectedPreviousSize);
        }
        int typeByte = head[4] & 0xFF;
        int type = typeByte & 0x1F;
        if ((typeByte & 0x20) != 0 || (type != 8 && type != 9 && type != 18)) fail("FLV tag type byte " + typeByte);
        tagType = type;
        tagSize = u24(5);
        tagTimestamp = u24(8) | (long) (head[11] & 0xFF) << 24;
        bodyLeft = tagSize;
        peekLength = 0;
        state = State.TAG_BODY;
        if (tagSize == 0) emit(arrivalMicros);
    }

    private void emit(long arrivalMicros) {
        tags++;
        expectedPreviousSize = 11L + tagSize;
        state = State.TAG_PREFIX;
        sink.onTag(tagType, tagTimestamp, tagSize, peek, peekLength, arrivalMicros);
    }

    private void fail(String why) {
        state = State.FAILED;
        throw new StreamFormatException(why);
    }

    private long u32(int at) {
        return (head[at] & 0xFFL) << 24 | (head[at + 1] & 0xFF) << 16 | (head[at + 2] & 0xFF) << 8 | head[at + 3] & 0xFF;
    }

    private int u24(int at) {
        return (head[at] & 0xFF) << 16 | (head[at + 1] & 0xFF) << 8 | head[at + 2] & 0xFF;
    }
}
