package dev.marquee.media.hls.ts;

/**
 * The CRC that closes every PSI section (ISO/IEC 13818-1 Annex A): polynomial 0x04C11DB7, initial value
 * 0xFFFFFFFF, bits not reflected, no final XOR. A section including its CRC checks to zero.
 */
public final class Crc32Mpeg2 {
    private static final int POLYNOMIAL = 0x04C11DB7;
    private static final int[] TABLE = table();

    private Crc32Mpeg2() {}

    public static int compute(byte[] data, int offset, int length) {
        int crc = 0xFFFFFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ data[i]) & 0xFF];
        }
        return crc;
    }

    private static int[] table() {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            int c = i << 24;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 0x80000000) != 0 ? (c << 1) ^ POLYNOMIAL : c << 1;
            }
            table[i] = c;
        }
        return table;
    }
}
