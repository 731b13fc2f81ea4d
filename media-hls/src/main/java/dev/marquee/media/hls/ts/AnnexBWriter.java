package dev.marquee.media.hls.ts;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Turns one access unit of length-prefixed NAL units (as FLV and MP4 carry them) into an Annex B byte stream
 * (ISO/IEC 14496-10 Annex B) as transport streams need it: an access unit delimiter first, the parameter sets
 * from the decoder configuration before every random access picture, then the NAL units with start codes.
 */
public final class AnnexBWriter {
    private static final byte[] START_CODE = {0, 0, 0, 1};
    private static final int HAS_RANDOM_ACCESS = 1;
    private static final int HAS_SEQUENCE_PARAMETER_SET = 2;

    private final NalSyntax syntax;
    private final int nalLengthSize;
    private final List<byte[]> parameterSets;
    private final byte[] accessUnitDelimiter;

    /**
     * @param nalLengthSize bytes in each NAL unit's length prefix (1, 2 or 4)
     * @param parameterSets the parameter sets in decoding order (VPS, SPS, PPS), without start codes
     */
    public AnnexBWriter(NalSyntax syntax, int nalLengthSize, List<byte[]> parameterSets) {
        if (nalLengthSize != 1 && nalLengthSize != 2 && nalLengthSize != 4) {
            throw new IllegalArgumentException("NAL length size " + nalLengthSize);
        }
        this.syntax = syntax;
        this.nalLengthSize = nalLengthSize;
        this.parameterSets = List.copyOf(parameterSets);
        this.accessUnitDelimiter = syntax.accessUnitDelimiter();
    }

    public NalSyntax syntax() {
        return syntax;
    }

    /**
     * Appends the access unit in {@code lengthPrefixed} (readable bytes; indexes do not move) to {@code out}.
     * Parameter sets go in when {@code keyframe} is set or the unit holds a random access picture, unless it
     * carries its own. Returns false, having written nothing, when a length prefix runs past the data.
     */
    public boolean write(ByteBuf lengthPrefixed, ByteBuf out, boolean keyframe) {
        int scan = scan(lengthPrefixed);
        if (scan < 0) return false;
        boolean randomAccess = keyframe || (scan & HAS_RANDOM_ACCESS) != 0;
        out.writeBytes(START_CODE).writeBytes(accessUnitDelimiter);
        if (randomAccess && (scan & HAS_SEQUENCE_PARAMETER_SET) == 0) {
            for (byte[] set : parameterSets) {
                out.writeBytes(START_CODE).writeBytes(set);
            }
        }
        int i = lengthPrefixed.readerIndex();
        int end = lengthPrefixed.writerIndex();
        while (i < end) { // bounded: scan() proved every length fits
            int length = readLength(lengthPrefixed, i);
            i += nalLengthSize;
            // Our own delimiter is already first; a second one would start a new (empty) access unit.
            if (length > 0 && !syntax.isAccessUnitDelimiter(syntax.type(lengthPrefixed.getUnsignedByte(i)))) {
                out.writeBytes(START_CODE).writeBytes(lengthPrefixed, i, length);
            }
            i += length;
        }
        return true;
    }

    /** Flags of what the unit holds, or -1 when it is malformed. */
    private int scan(ByteBuf data) {
        int flags = 0;
        int i = data.readerIndex();
        int end = data.writerIndex();
        while (i < end) { // bounded: i grows by at least the prefix size each round
            if (end - i < nalLengthSize) return -1;
            long length = readLength(data, i) & 0xFFFFFFFFL;
            i += nalLengthSize;
            if (length > end - i) return -1;
            if (length > 0) {
                int type = syntax.type(data.getUnsignedByte(i));
                if (syntax.isRandomAccess(type)) flags |= HAS_RANDOM_ACCESS;
                if (syntax.isSequenceParameterSet(type)) flags |= HAS_SEQUENCE_PARAMETER_SET;
            }
            i += (int) length;
        }
        return flags;
    }

    private int readLength(ByteBuf data, int index) {
        return switch (nalLengthSize) {
            case 1 -> data.getUnsignedByte(index);
            case 2 -> data.getUnsignedShort(index);
            default -> data.getInt(index);
        };
    }
}
