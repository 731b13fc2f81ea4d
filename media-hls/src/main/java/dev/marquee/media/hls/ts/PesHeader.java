package dev.marquee.media.hls.ts;

import io.netty.buffer.ByteBuf;

/** Writes PES packet headers (ISO/IEC 13818-1 2.4.3.6) with PTS and, when it differs, DTS. */
final class PesHeader {
    /** PTS and DTS are 33-bit counts of a 90 kHz clock that wrap around. */
    static final long TIMESTAMP_MASK = (1L << 33) - 1;
    static final int MAX_SIZE = 19;
    private static final int PTS_ONLY = 0x2;
    private static final int PTS_BEFORE_DTS = 0x3;
    private static final int DTS = 0x1;

    private PesHeader() {}

    /**
     * Writes the header for {@code payloadLength} bytes of stream {@code streamId}; {@code dts} is left out when
     * equal to {@code pts}. A PES too long for the 16-bit length says 0 (unbounded), which only video may do.
     */
    static void write(ByteBuf out, int streamId, int payloadLength, long pts, long dts) {
        pts &= TIMESTAMP_MASK;
        dts &= TIMESTAMP_MASK;
        boolean withDts = dts != pts;
        int headerDataLength = withDts ? 10 : 5;
        int packetLength = 3 + headerDataLength + payloadLength;
        out.writeMedium(0x000001);
        out.writeByte(streamId);
        out.writeShort(packetLength > 0xFFFF ? 0 : packetLength);
        out.writeByte(0x84); // '10' marker, data_alignment_indicator: each PES starts an access unit
        out.writeByte(withDts ? 0xC0 : 0x80);
        out.writeByte(headerDataLength);
        writeTimestamp(out, withDts ? PTS_BEFORE_DTS : PTS_ONLY, pts);
        if (withDts) writeTimestamp(out, DTS, dts);
    }

    /** Five bytes: a 4-bit prefix, then the 33 bits in groups of 3, 15 and 15, each closed by a marker bit. */
    static void writeTimestamp(ByteBuf out, int prefix, long ts) {
        out.writeByte((int) ((prefix << 4) | ((ts >> 29) & 0x0E) | 1));
        out.writeShort((int) (((ts >> 14) & 0xFFFE) | 1));
        out.writeShort((int) (((ts << 1) & 0xFFFE) | 1));
    }
}
