package dev.marquee.media.hls.ts;

/** How H.264 (ISO/IEC 14496-10) and HEVC (ITU-T H.265) NAL unit headers name the units a muxer cares about. */
public enum NalSyntax {
    H264(new byte[] {0x09, (byte) 0xF0}) { // AUD, primary_pic_type 7 (any slice type) + stop bit
        @Override
        int type(int firstByte) {
            return firstByte & 0x1F;
        }

        @Override
        boolean isAccessUnitDelimiter(int type) {
            return type == 9;
        }

        @Override
        boolean isRandomAccess(int type) {
            return type == 5; // IDR slice
        }

        @Override
        boolean isSequenceParameterSet(int type) {
            return type == 7;
        }
    },
    HEVC(new byte[] {0x46, 0x01, 0x50}) { // AUD (type 35, layer 0, TemporalId 0), pic_type 2 (I, P, B) + stop bit
        @Override
        int type(int firstByte) {
            return (firstByte >> 1) & 0x3F;
        }

        @Override
        boolean isAccessUnitDelimiter(int type) {
            return type == 35;
        }

        @Override
        boolean isRandomAccess(int type) {
            return type >= 16 && type <= 23; // IRAP: BLA, IDR, CRA and reserved IRAP types
        }

        @Override
        boolean isSequenceParameterSet(int type) {
            return type == 33;
        }
    };

    private final byte[] accessUnitDelimiter;

    NalSyntax(byte[] accessUnitDelimiter) {
        this.accessUnitDelimiter = accessUnitDelimiter;
    }

    /** The NAL unit type from the first byte of its header. */
    abstract int type(int firstByte);

    abstract boolean isAccessUnitDelimiter(int type);

    abstract boolean isRandomAccess(int type);

    abstract boolean isSequenceParameterSet(int type);

    /** An access unit delimiter NAL unit (without start code) that fits any picture. */
    byte[] accessUnitDelimiter() {
        return accessUnitDelimiter.clone();
    }
}
