package dev.marquee.media.hls.ts;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Cuts the data of one PID into 188-byte transport packets (ISO/IEC 13818-1 2.4.3.2), keeping that PID's
 * continuity counter. PES packets are padded with adaptation-field stuffing, PSI sections with 0xFF bytes.
 */
final class TsPacketWriter {
    static final int PACKET_SIZE = 188;
    static final int SYNC_BYTE = 0x47;
    private static final int HEADER_SIZE = 4;
    private static final int MAX_PAYLOAD = PACKET_SIZE - HEADER_SIZE;
    private static final int PCR_SIZE = 6;
    private static final int FLAG_RANDOM_ACCESS = 0x40;
    private static final int FLAG_PCR = 0x10;
    private static final int PAYLOAD_ONLY = 0x10;
    private static final int ADAPTATION_AND_PAYLOAD = 0x30;
    private static final byte[] FILL = fill();

    private final int pid;
    private int continuityCounter;

    TsPacketWriter(int pid) {
        this.pid = pid;
    }

    int pid() {
        return pid;
    }

    /** One PSI section after a zero pointer_field, the rest of the last packet filled with 0xFF. */
    void writeSection(ByteBuf out, byte[] section) {
        int offset = 0;
        boolean first = true;
        while (first || offset < section.length) { // bounded: each round consumes up to 184 bytes
            writeHeader(out, first, PAYLOAD_ONLY);
            int room = MAX_PAYLOAD;
            if (first) {
                out.writeByte(0); // pointer_field: the section starts right here
                room--;
            }
            int n = Math.min(room, section.length - offset);
            out.writeBytes(section, offset, n);
            out.writeBytes(FILL, 0, room - n);
            offset += n;
            first = false;
        }
    }

    /**
     * One PES packet given as its header and payload; the first transport packet carries the PCR (when
     * {@code pcr} is not negative, in 90 kHz units) and the random access indicator.
     */
    void writePes(ByteBuf out, ByteBuf header, ByteBuf payload, long pcr, boolean randomAccess) {
        ByteBuf h = header.duplicate();
        ByteBuf p = payload.duplicate();
        boolean first = true;
        while (h.isReadable() || p.isReadable()) { // bounded: each round consumes at least one byte
            int remaining = h.readableBytes() + p.readableBytes();
            boolean pcrHere = first && pcr >= 0;
            int flags = first && randomAccess ? FLAG_RANDOM_ACCESS : 0;
            if (pcrHere) flags |= FLAG_PCR;
            // Adaptation field: length byte + flags byte (+ PCR) when anything is flagged, then stuffing.
            int fieldSize = flags != 0 ? 2 + (pcrHere ? PCR_SIZE : 0) : 0;
            int stuffing = Math.max(0, MAX_PAYLOAD - fieldSize - remaining);
            int adaptationSize = fieldSize + stuffing;
            writeHeader(out, first, adaptationSize > 0 ? ADAPTATION_AND_PAYLOAD : PAYLOAD_ONLY);
            if (adaptationSize > 0) writeAdaptationField(out, adaptationSize, flags, pcr);
            int n = MAX_PAYLOAD - adaptationSize;
            int fromHeader = Math.min(n, h.readableBytes());
            out.writeBytes(h, fromHeader);
            out.writeBytes(p, n - fromHeader);
            first = false;
        }
    }

    private void writeHeader(ByteBuf out, boolean payloadUnitStart, int adaptationControl) {
        out.writeByte(SYNC_BYTE);
        out.writeShort((payloadUnitStart ? 0x4000 : 0) | pid);
        out.writeByte(adaptationControl | continuityCounter);
        continuityCounter = (continuityCounter + 1) & 0x0F; // every packet here carries payload, so every one counts
    }

    /** {@code size} bytes in all, the length byte included; a single byte is a zero-length field. */
    private static void writeAdaptationField(ByteBuf out, int size, int flags, long pcr) {
        out.writeByte(size - 1);
        if (size == 1) return;
        out.writeByte(flags);
        int written = 2;
        if ((flags & FLAG_PCR) != 0) {
            long base = pcr & PesHeader.TIMESTAMP_MASK;
            out.writeInt((int) (base >>> 1));
            out.writeByte((int) (((base & 1) << 7) | 0x7E)); // last base bit, 6 reserved bits, extension high bit 0
            out.writeByte(0); // 27 MHz extension: the 90 kHz base is precise enough for HLS
            written += PCR_SIZE;
        }
        out.writeBytes(FILL, 0, size - written);
    }

    private static byte[] fill() {
        byte[] b = new byte[PACKET_SIZE];
        Arrays.fill(b, (byte) 0xFF);
        return b;
    }
}
