package dev.marquee.media.core.codec;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * An HEVCDecoderConfigurationRecord (hvcC, ISO/IEC 14496-15 8.3.3.1): general profile, tier and level, the NAL
 * length size and the parameter-set arrays (VPS, SPS, PPS, SEI).
 *
 * @param profileSpace             general_profile_space (0 for every profile in use)
 * @param highTier                 general_tier_flag
 * @param profile                  general_profile_idc (1 Main, 2 Main 10, …)
 * @param profileCompatibility     general_profile_compatibility_flags, bit 31 is flag 0
 * @param constraintIndicators     general_constraint_indicator_flags, the 48 bits in the low bits
 * @param level                    general_level_idc (30 × the level: 93 is level 3.1)
 * @param chromaFormat             chroma_format_idc (1 is 4:2:0)
 * @param bitDepthLuma             luma bit depth
 * @param bitDepthChroma           chroma bit depth
 * @param nalLengthSize            bytes in each NAL unit's length prefix
 */
public record HevcDecoderConfiguration(int profileSpace, boolean highTier, int profile, long profileCompatibility,
        long constraintIndicators, int level, int chromaFormat, int bitDepthLuma, int bitDepthChroma,
        int nalLengthSize, List<NalUnitArray> arrays) implements CodecConfiguration {

    /** One array of the record: NAL units of one type (32 VPS, 33 SPS, 34 PPS, 39/40 SEI). */
    public record NalUnitArray(int nalUnitType, boolean complete, List<byte[]> nalUnits) {
        public NalUnitArray {
            nalUnits = List.copyOf(nalUnits);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NalUnitArray a && nalUnitType == a.nalUnitType && complete == a.complete
                    && NalUnits.equal(nalUnits, a.nalUnits);
        }

        @Override
        public int hashCode() {
            return 31 * nalUnitType + NalUnits.hash(nalUnits);
        }
    }

    public HevcDecoderConfiguration {
        arrays = List.copyOf(arrays);
    }

    /** Parses the record between the reader and writer index of {@code hvcC} (indexes do not move). */
    public static HevcDecoderConfiguration parse(ByteBuf hvcC) {
        RecordReader r = new RecordReader(hvcC);
        int version = r.u8();
        if (version != 1) throw new CodecConfigurationException("hvcC version " + version);
        int b = r.u8();
        long compatibility = r.u32();
        long constraints = r.u48();
        int level = r.u8();
        r.u16(); // min_spatial_segmentation_idc
        r.u8(); // parallelismType
        int chromaFormat = r.u8() & 0x03;
        int bitDepthLuma = (r.u8() & 0x07) + 8;
        int bitDepthChroma = (r.u8() & 0x07) + 8;
        r.u16(); // avgFrameRate
        int nalLengthSize = (r.u8() & 0x03) + 1;
        if (nalLengthSize == 3) throw new CodecConfigurationException("hvcC NAL length size 3");
        int arrayCount = r.u8();
        List<NalUnitArray> arrays = new ArrayList<>(arrayCount);
        for (int i = 0; i < arrayCount; i++) {
            int typeByte = r.u8();
            int nalCount = r.u16();
            // Each NAL unit has at least its 2-byte length, so a larger count cannot be honest.
            if (nalCount * 2L > r.remaining()) throw new CodecConfigurationException("hvcC NAL count " + nalCount + " exceeds record");
            List<byte[]> nalUnits = new ArrayList<>(nalCount);
            for (int n = 0; n < nalCount; n++) {
                nalUnits.add(r.bytes(r.u16()));
            }
            arrays.add(new NalUnitArray(typeByte & 0x3F, (typeByte & 0x80) != 0, nalUnits));
        }
        return new HevcDecoderConfiguration(b >> 6, (b & 0x20) != 0, b & 0x1F, compatibility, constraints, level,
                chromaFormat, bitDepthLuma, bitDepthChroma, nalLengthSize, arrays);
    }

    /** Parses the hvcC inside an FLV video sequence header (Enhanced RTMP {@code hvc1} or legacy CodecID 12). */
    public static HevcDecoderConfiguration fromSequenceHeader(ByteBuf tagBody) {
        return parse(TagBodyLayout.videoSequenceStart(tagBody, VideoCodec.HEVC));
    }

    /** The {@code hvc1} codec string (ISO/IEC 14496-15 Annex E), e.g. {@code hvc1.1.6.L93.B0}. */
    @Override
    public String codecString() {
        return codecString(FourCc.HEVC);
    }

    /** The codec string for sample entry {@code hvc1} (parameter sets out of band) or {@code hev1} (in band). */
    public String codecString(String sampleEntry) {
        StringBuilder s = new StringBuilder(sampleEntry).append('.');
        if (profileSpace > 0) s.append((char) ('A' + profileSpace - 1));
        s.append(profile).append('.');
        s.append(Long.toHexString(Integer.toUnsignedLong(Integer.reverse((int) profileCompatibility))).toUpperCase()).append('.');
        s.append(highTier ? 'H' : 'L').append(level);
        // The six constraint bytes, trailing zero bytes left out.
        int last = 5;
        while (last >= 0 && constraintByte(last) == 0) last--;
        for (int i = 0; i <= last; i++) {
            s.append('.').append(Integer.toHexString(constraintByte(i)).toUpperCase());
        }
        return s.toString();
    }

    private int constraintByte(int i) {
        return (int) (constraintIndicators >>> (8 * (5 - i))) & 0xFF;
    }
}
