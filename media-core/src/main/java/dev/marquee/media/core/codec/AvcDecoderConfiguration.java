package dev.marquee.media.core.codec;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * An AVCDecoderConfigurationRecord (avcC, ISO/IEC 14496-15 5.3.3.1): what an H.264 decoder needs before the
 * first frame. The parameter-set arrays are the caller's to read, not to modify.
 *
 * @param profile       AVCProfileIndication (profile_idc: 66 Baseline, 77 Main, 100 High, …)
 * @param compatibility profile_compatibility (the constraint_set flags)
 * @param level         AVCLevelIndication (level_idc: 31 for level 3.1)
 * @param nalLengthSize bytes in each NAL unit's length prefix (1, 2 or 4)
 */
public record AvcDecoderConfiguration(int profile, int compatibility, int level, int nalLengthSize,
        List<byte[]> sequenceParameterSets, List<byte[]> pictureParameterSets) implements CodecConfiguration {

    public AvcDecoderConfiguration {
        sequenceParameterSets = List.copyOf(sequenceParameterSets);
        pictureParameterSets = List.copyOf(pictureParameterSets);
    }

    /** Parses the record between the reader and writer index of {@code avcC} (indexes do not move). */
    public static AvcDecoderConfiguration parse(ByteBuf avcC) {
        RecordReader r = new RecordReader(avcC);
        int version = r.u8();
        if (version != 1) throw new CodecConfigurationException("avcC version " + version);
        int profile = r.u8();
        int compatibility = r.u8();
        int level = r.u8();
        int nalLengthSize = (r.u8() & 0x03) + 1;
        if (nalLengthSize == 3) throw new CodecConfigurationException("avcC NAL length size 3");
        List<byte[]> sps = readParameterSets(r, r.u8() & 0x1F);
        List<byte[]> pps = readParameterSets(r, r.u8());
        // High-profile chroma/bit-depth extension may follow; players do not need it and encoders often omit it.
        return new AvcDecoderConfiguration(profile, compatibility, level, nalLengthSize, sps, pps);
    }

    /** Parses the avcC inside an FLV video sequence header (legacy CodecID 7 or Enhanced RTMP {@code avc1}). */
    public static AvcDecoderConfiguration fromSequenceHeader(ByteBuf tagBody) {
        return parse(TagBodyLayout.videoSequenceStart(tagBody, VideoCodec.AVC));
    }

    private static List<byte[]> readParameterSets(RecordReader r, int count) {
        List<byte[]> sets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sets.add(r.bytes(r.u16()));
        }
        return sets;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AvcDecoderConfiguration c && profile == c.profile && compatibility == c.compatibility
                && level == c.level && nalLengthSize == c.nalLengthSize
                && NalUnits.equal(sequenceParameterSets, c.sequenceParameterSets)
                && NalUnits.equal(pictureParameterSets, c.pictureParameterSets);
    }

    @Override
    public int hashCode() {
        return 31 * NalUnits.hash(sequenceParameterSets) + NalUnits.hash(pictureParameterSets);
    }

    /** {@code avc1.PPCCLL}: profile, compatibility and level in hex (RFC 6381). */
    @Override
    public String codecString() {
        return String.format("avc1.%02x%02x%02x", profile, compatibility, level);
    }
}
