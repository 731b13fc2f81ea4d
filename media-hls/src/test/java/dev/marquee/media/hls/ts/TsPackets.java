package dev.marquee.media.hls.ts;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small, strict transport stream reader for tests: packets, their adaptation fields, and reassembled PES/PSI. */
public final class TsPackets {
    /** One 188-byte packet, decoded. */
    public record Packet(int pid, boolean payloadUnitStart, int continuityCounter, boolean hasPayload,
            int adaptationLength, boolean randomAccess, long pcr, byte[] payload) {}

    /** One reassembled PES packet. */
    public record Pes(int pid, int streamId, int declaredLength, long pts, long dts, boolean randomAccess, long pcr,
            byte[] payload) {}

    private TsPackets() {}

    public static List<Packet> parse(byte[] ts) {
        if (ts.length % TsPacketWriter.PACKET_SIZE != 0) throw new AssertionError("not whole packets: " + ts.length);
        List<Packet> packets = new ArrayList<>();
        for (int off = 0; off < ts.length; off += TsPacketWriter.PACKET_SIZE) {
            packets.add(packet(ts, off));
        }
        return packets;
    }

    private static Packet packet(byte[] ts, int off) {
        if ((ts[off] & 0xFF) != TsPacketWriter.SYNC_BYTE) throw new AssertionError("no sync byte at " + off);
        int pid = ((ts[off + 1] & 0x1F) << 8) | (ts[off + 2] & 0xFF);
        boolean pusi = (ts[off + 1] & 0x40) != 0;
        int control = (ts[off + 3] >> 4) & 0x03;
        int cc = ts[off + 3] & 0x0F;
        int i = off + 4;
        int afLength = -1;
        boolean rai = false;
        long pcr = -1;
        if ((control & 0x02) != 0) {
            afLength = ts[i] & 0xFF;
            if (afLength > 0) {
                int flags = ts[i + 1] & 0xFF;
                rai = (flags & 0x40) != 0;
                if ((flags & 0x10) != 0) {
                    pcr = 0;
                    for (int k = 0; k < 4; k++) pcr = (pcr << 8) | (ts[i + 2 + k] & 0xFF);
                    pcr = (pcr << 1) | ((ts[i + 6] & 0x80) >> 7);
                }
            }
            i += 1 + afLength;
        }
        boolean hasPayload = (control & 0x01) != 0;
        byte[] payload = hasPayload ? Arrays.copyOfRange(ts, i, off + TsPacketWriter.PACKET_SIZE) : new byte[0];
        return new Packet(pid, pusi, cc, hasPayload, afLength, rai, pcr, payload);
    }

    /** The PES packets of one PID, in order. */
    public static List<Pes> pes(byte[] ts, int pid) {
        List<Pes> result = new ArrayList<>();
        ByteArrayOutputStream current = null;
        Packet first = null;
        for (Packet p : parse(ts)) {
            if (p.pid() != pid) continue;
            if (p.payloadUnitStart()) {
                if (current != null) result.add(pesOf(pid, first, current.toByteArray()));
                current = new ByteArrayOutputStream();
                first = p;
            }
            if (current != null) current.writeBytes(p.payload());
        }
        if (current != null) result.add(pesOf(pid, first, current.toByteArray()));
        return result;
    }

    private static Pes pesOf(int pid, Packet first, byte[] b) {
        if (b[0] != 0 || b[1] != 0 || b[2] != 1) throw new AssertionError("no PES start code");
        int streamId = b[3] & 0xFF;
        int length = ((b[4] & 0xFF) << 8) | (b[5] & 0xFF);
        int flags = b[7] & 0xFF;
        int headerLength = b[8] & 0xFF;
        long pts = decodeTimestamp(b, 9);
        long dts = (flags & 0x40) != 0 ? decodeTimestamp(b, 14) : pts;
        byte[] payload = Arrays.copyOfRange(b, 9 + headerLength, b.length);
        if (length != 0 && length != b.length - 6) throw new AssertionError("PES length " + length + " but " + (b.length - 6) + " bytes");
        return new Pes(pid, streamId, length, pts, dts, first.randomAccess(), first.pcr(), payload);
    }

    /** The 33-bit value of a 5-byte PTS/DTS field, checking its marker bits. */
    public static long decodeTimestamp(byte[] b, int i) {
        if ((b[i] & 1) == 0 || (b[i + 2] & 1) == 0 || (b[i + 4] & 1) == 0) throw new AssertionError("marker bit missing");
        return ((long) (b[i] & 0x0E) << 29) | ((b[i + 1] & 0xFFL) << 22) | ((b[i + 2] & 0xFEL) << 14)
                | ((b[i + 3] & 0xFFL) << 7) | ((b[i + 4] & 0xFEL) >> 1);
    }

    /** The PSI section at the start of the first packet of {@code pid} (after its pointer field). */
    public static byte[] section(byte[] ts, int pid) {
        for (Packet p : parse(ts)) {
            if (p.pid() == pid && p.payloadUnitStart()) {
                byte[] payload = p.payload();
                int start = 1 + (payload[0] & 0xFF);
                int length = 3 + (((payload[start + 1] & 0x0F) << 8) | (payload[start + 2] & 0xFF));
                return Arrays.copyOfRange(payload, start, start + length);
            }
        }
        throw new AssertionError("no section on PID " + pid);
    }

    /** The stream types the PMT lists, by PID. */
    public static Map<Integer, Integer> pmtStreams(byte[] pmt) {
        Map<Integer, Integer> streams = new LinkedHashMap<>();
        int programInfoLength = ((pmt[10] & 0x0F) << 8) | (pmt[11] & 0xFF);
        int i = 12 + programInfoLength;
        while (i < pmt.length - 4) {
            int type = pmt[i] & 0xFF;
            int pid = ((pmt[i + 1] & 0x1F) << 8) | (pmt[i + 2] & 0xFF);
            int esInfo = ((pmt[i + 3] & 0x0F) << 8) | (pmt[i + 4] & 0xFF);
            streams.put(pid, type);
            i += 5 + esInfo;
        }
        return streams;
    }
}
