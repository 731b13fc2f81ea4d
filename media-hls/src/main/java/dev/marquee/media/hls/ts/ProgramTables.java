package dev.marquee.media.hls.ts;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Builds the two PSI sections a single-program transport stream needs (ISO/IEC 13818-1 2.4.4): the program
 * association table pointing at the PMT, and the program map table listing the elementary streams.
 */
final class ProgramTables {
    static final int PAT_TABLE_ID = 0x00;
    static final int PMT_TABLE_ID = 0x02;
    static final int TRANSPORT_STREAM_ID = 1;
    static final int PROGRAM_NUMBER = 1;

    /** One entry of the PMT's elementary stream loop. */
    record ElementaryStream(TsStreamType type, int pid) {}

    private ProgramTables() {}

    static byte[] pat(int pmtPid, int version) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeShort(body, PROGRAM_NUMBER);
        writeShort(body, 0xE000 | pmtPid); // 3 reserved bits, then the PMT PID
        return section(PAT_TABLE_ID, TRANSPORT_STREAM_ID, version, body.toByteArray());
    }

    static byte[] pmt(int pcrPid, List<ElementaryStream> streams, int version) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeShort(body, 0xE000 | pcrPid);
        writeShort(body, 0xF000); // reserved bits, program_info_length 0
        for (ElementaryStream es : streams) {
            body.write(es.type().streamType());
            writeShort(body, 0xE000 | es.pid());
            writeShort(body, 0xF000); // reserved bits, ES_info_length 0
        }
        return section(PMT_TABLE_ID, PROGRAM_NUMBER, version, body.toByteArray());
    }

    /** The long-form section header, {@code body}, and the CRC over all of it. */
    private static byte[] section(int tableId, int idExtension, int version, byte[] body) {
        int sectionLength = 5 + body.length + 4; // bytes after the length field: header rest, body, CRC
        byte[] s = new byte[3 + sectionLength];
        s[0] = (byte) tableId;
        s[1] = (byte) (0xB0 | (sectionLength >> 8)); // section_syntax_indicator 1, '0', 2 reserved bits
        s[2] = (byte) sectionLength;
        s[3] = (byte) (idExtension >> 8);
        s[4] = (byte) idExtension;
        s[5] = (byte) (0xC1 | ((version & 0x1F) << 1)); // reserved bits, version, current_next_indicator 1
        s[6] = 0; // section_number
        s[7] = 0; // last_section_number
        System.arraycopy(body, 0, s, 8, body.length);
        int crc = Crc32Mpeg2.compute(s, 0, s.length - 4);
        s[s.length - 4] = (byte) (crc >>> 24);
        s[s.length - 3] = (byte) (crc >>> 16);
        s[s.length - 2] = (byte) (crc >>> 8);
        s[s.length - 1] = (byte) crc;
        return s;
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value >> 8);
        out.write(value);
    }
}
