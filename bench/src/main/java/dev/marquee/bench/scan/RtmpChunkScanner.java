package dev.marquee.bench.scan;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Walks an RTMP chunk stream (after the handshake) in place: parses chunk headers of all four types, follows
 * Set Chunk Size and Abort at once, skips audio and data payloads, keeps the first {@link TagSink#PEEK_BYTES} of
 * video payloads, and collects control and command messages whole for the play session.
 *
 * <p>Extended timestamps are read as FFmpeg and media-rtmp read them: a type 3 chunk inside a message repeats
 * the 4 bytes only when they equal the last value (otherwise they are payload). Aggregate messages are
 * counted, not unpacked: the servers compared here do not send them to players.
 */
public final class RtmpChunkScanner {
    public static final int SET_CHUNK_SIZE = 1;
    public static final int ABORT = 2;
    public static final int AUDIO = 8;
    public static final int VIDEO = 9;
    public static final int DATA_AMF0 = 18;
    public static final int AGGREGATE = 22;

    /** Receives control (types 1–6) and command messages (17, 20) whole; the payload is valid during the call. */
    public interface ControlListener {
        void onControlMessage(int typeId, int messageStreamId, byte[] payload, int length);
    }

    private static final int[] MESSAGE_HEADER = {11, 7, 3, 0};
    private static final int MAX_HEADER = 3 + 11 + 4;
    private static final int MAX_COLLECT = 64 * 1024;
    private static final int MAX_CHUNK_STREAMS = 64;

    private static final class ChunkStream {
        final int id;
        long timestamp;
        long timestampField; // the last type 0–2 timestamp field (delta or absolute): what a type 3 header reuses
        boolean extended;
        int length;
        int typeId;
        int messageStreamId;
        int received = -1; // bytes of the message in progress; -1 when none
        boolean collecting;
        byte[] data;
        int dataLength;
        byte[] peek;

        ChunkStream(int id) {
            this.id = id;
        }
    }

    private final TagSink media;
    private final ControlListener control;
    private final byte[] header = new byte[MAX_HEADER];
    private ChunkStream[] streams = new ChunkStream[4];
    private int streamCount;
    private int have;
    private ChunkStream current;
    private int chunkRemaining;
    private int chunkSize = 128;
    private long aggregates;

    public RtmpChunkScanner(TagSink media, ControlListener control) {
        this.media = media;
        this.control = control;
    }

    /** The peer's current chunk size. */
    public int chunkSize() {
        return chunkSize;
    }

    /** Aggregate messages received (counted, not unpacked). */
    public long aggregates() {
        return aggregates;
    }

    /** Consumes bytes [from, to) of buf (absolute indexes; position and limit are not used). */
    public void scan(ByteBuffer buf, int from, int to, long arrivalMicros) {
        int pos = from;
        while (pos < to) {
            pos = current == null ? readHeader(buf, pos, to, arrivalMicros) : readPayload(buf, pos, to, arrivalMicros);
        }
    }

    private int readHeader(ByteBuffer buf, int pos, int to, long now) {
        while (true) {
            int needed = headerLength();
            if (have >= needed) break;
            int n = Math.min(needed - have, to - pos);
            buf.get(pos, header, have, n);
            have += n;
            pos += n;
            if (have < needed) return pos;
        }
        applyHeader(now);
        return pos;
    }

    /** Bytes the header needs, as far as the bytes gathered so far tell. */
    private int headerLength() {
        if (have < 1) return 1;
        int basic = basicLength();
        if (have < basic) return basic;
        int fmt = (header[0] & 0xFF) >>> 6;
        int length = basic + MESSAGE_HEADER[fmt];
        if (have < length) return length;
        if (fmt <= 2) return u24(basic) == 0xFFFFFF ? length + 4 : length;
        ChunkStream cs = find(csid());
        return cs != null && cs.extended ? length + 4 : length;
    }

    private int basicLength() {
        int id = header[0] & 0x3F;
        return id == 0 ? 2 : id == 1 ? 3 : 1;
    }

    private int csid() {
        int id = header[0] & 0x3F;
        if (id == 0) return 64 + (header[1] & 0xFF);
        if (id == 1) return 64 + (header[1] & 0xFF) + ((header[2] & 0xFF) << 8);
        return id;
    }

    private void applyHeader(long now) {
        int fmt = (header[0] & 0xFF) >>> 6;
        int basic = basicLength();
        int csid = csid();
        ChunkStream cs = find(csid);
        if (cs == null) {
            if (fmt > 1) throw new StreamFormatException("chunk stream " + csid + " starts with a type " + fmt + " header");
            cs = add(csid);
        }
        int end = basic + MESSAGE_HEADER[fmt];
        long field = fmt <= 2 ? u24(basic) : cs.timestampField;
        boolean extended = fmt <= 2 ? field == 0xFFFFFF : cs.extended;
        int payloadInHeader = 0; // type 3: 4 bytes that turned out not to be a repeated extended timestamp
        if (extended) {
            long value = u32(end);
            if (fmt <= 2 || cs.received < 0) {
                field = value;
            } else if (value != cs.timestampField) {
                payloadInHeader = 4;
            }
        }
        if (fmt <= 1) {
            cs.received = -1; // a new message header drops an unfinished one
            cs.length = u24(basic + 3);
            cs.typeId = header[basic + 6] & 0xFF;
            if (fmt == 0) cs.messageStreamId = leInt(basic + 7);
        } else if (fmt == 2) {
            cs.received = -1;
        }
        cs.timestampField = field;
        cs.extended = extended;
        if (cs.received < 0) {
            cs.timestamp = fmt == 0 ? field : (cs.timestamp + field) & 0xFFFFFFFFL;
            startMessage(cs);
        }
        current = cs;
        chunkRemaining = Math.min(chunkSize, cs.length - cs.received);
        have = 0;
        if (payloadInHeader > 0) {
            byte[] spill = new byte[payloadInHeader];
            System.arraycopy(header, end, spill, 0, payloadInHeader);
            ByteBuffer wrapped = ByteBuffer.wrap(spill);
            int used = readPayload(wrapped, 0, spill.length, now);
            for (int i = used; i < spill.length; i++) header[have++] = spill[i]; // the start of the next header
        } else if (chunkRemaining == 0) {
            readPayload(null, 0, 0, now); // an empty message completes here
        }
    }

    private void startMessage(ChunkStream cs) {
        cs.received = 0;
        cs.dataLength = 0;
        switch (cs.typeId) {
            case VIDEO -> {
                if (cs.peek == null) cs.peek = new byte[TagSink.PEEK_BYTES];
                cs.data = cs.peek;
                cs.collecting = true;
            }
            case AUDIO, DATA_AMF0, AGGREGATE -> cs.collecting = false;
            default -> {
                cs.collecting = cs.length <= MAX_COLLECT;
                if (cs.collecting) cs.data = new byte[cs.length];
            }
        }
    }

    private int readPayload(ByteBuffer buf, int pos, int to, long now) {
        ChunkStream cs = current;
        int n = Math.min(chunkRemaining, to - pos);
        if (n > 0 && cs.collecting && cs.dataLength < cs.data.length) {
            int k = Math.min(n, cs.data.length - cs.dataLength);
            buf.get(pos, cs.data, cs.dataLength, k);
            cs.dataLength += k;
        }
        cs.received += n;
        chunkRemaining -= n;
        pos += n;
        if (chunkRemaining == 0) {
            current = null;
            if (cs.received == cs.length) complete(cs, now);
        }
        return pos;
    }

    private void complete(ChunkStream cs, long now) {
        cs.received = -1;
        switch (cs.typeId) {
            case AUDIO, VIDEO, DATA_AMF0 -> media.onTag(cs.typeId, cs.timestamp, cs.length, cs.data, cs.collecting ? cs.dataLength : 0, now);
            case AGGREGATE -> aggregates++;
            default -> {
                if (!cs.collecting) return;
                if (cs.typeId == SET_CHUNK_SIZE || cs.typeId == ABORT) {
                    if (cs.dataLength < 4) throw new StreamFormatException("control message " + cs.typeId + " of " + cs.dataLength + " bytes");
                    int value = (cs.data[0] & 0xFF) << 24 | (cs.data[1] & 0xFF) << 16 | (cs.data[2] & 0xFF) << 8 | cs.data[3] & 0xFF;
                    if (cs.typeId == SET_CHUNK_SIZE) {
                        if (value <= 0) throw new StreamFormatException("chunk size " + Integer.toUnsignedString(value));
                        chunkSize = value;
                    } else {
                        ChunkStream aborted = find(value);
                        if (aborted != null) aborted.received = -1;
                    }
                }
                control.onControlMessage(cs.typeId, cs.messageStreamId, cs.data, cs.dataLength);
            }
        }
    }

    private ChunkStream find(int csid) {
        for (int i = 0; i < streamCount; i++) {
            if (streams[i].id == csid) return streams[i];
        }
        return null;
    }

    private ChunkStream add(int csid) {
        if (streamCount == MAX_CHUNK_STREAMS) throw new StreamFormatException("more than " + MAX_CHUNK_STREAMS + " chunk streams");
        if (streamCount == streams.length) streams = Arrays.copyOf(streams, streamCount * 2);
        ChunkStream cs = new ChunkStream(csid);
        streams[streamCount++] = cs;
        return cs;
    }

    private int u24(int at) {
        return (header[at] & 0xFF) << 16 | (header[at + 1] & 0xFF) << 8 | header[at + 2] & 0xFF;
    }

    private long u32(int at) {
        return (header[at] & 0xFFL) << 24 | (header[at + 1] & 0xFF) << 16 | (header[at + 2] & 0xFF) << 8 | header[at + 3] & 0xFF;
    }

    private int leInt(int at) {
        return header[at] & 0xFF | (header[at + 1] & 0xFF) << 8 | (header[at + 2] & 0xFF) << 16 | (header[at + 3] & 0xFF) << 24;
    }
}
