package dev.marquee.media.core.codec;

import io.netty.buffer.ByteBuf;

/**
 * An AV1CodecConfigurationRecord (av1C, AV1 Codec ISO Media File Format Binding 2.3.3): the sequence header
 * basics. The configOBUs that may follow are not parsed.
 *
 * @param profile   seq_profile (0 Main, 1 High, 2 Professional)
 * @param level     seq_level_idx_0 (0 is level 2.0, 8 is level 4.0)
 * @param highTier  seq_tier_0
 * @param bitDepth  8, 10 or 12
 * @param monochrome mono_chrome
 * @param chromaSubsamplingX chroma_subsampling_x
 * @param chromaSubsamplingY chroma_subsampling_y
 * @param chromaSamplePosition chroma_sample_position
 */
public record Av1CodecConfiguration(int profile, int level, boolean highTier, int bitDepth, boolean monochrome,
        boolean chromaSubsamplingX, boolean chromaSubsamplingY, int chromaSamplePosition) implements CodecConfiguration {

    /** Parses the record between the reader and writer index of {@code av1C} (indexes do not move). */
    public static Av1CodecConfiguration parse(ByteBuf av1C) {
        BitReader r = new BitReader(av1C);
        boolean marker = r.readFlag();
        int version = r.readBits(7);
        if (!marker || version != 1) throw new CodecConfigurationException("av1C marker/version " + version);
        int profile = r.readBits(3);
        int level = r.readBits(5);
        boolean highTier = r.readFlag();
        boolean highBitDepth = r.readFlag();
        boolean twelveBit = r.readFlag();
        boolean monochrome = r.readFlag();
        boolean subX = r.readFlag();
        boolean subY = r.readFlag();
        int samplePosition = r.readBits(2);
        r.readBits(8); // reserved, initial_presentation_delay
        int bitDepth = !highBitDepth ? 8 : profile == 2 && twelveBit ? 12 : 10;
        return new Av1CodecConfiguration(profile, level, highTier, bitDepth, monochrome, subX, subY, samplePosition);
    }

    /** Parses the av1C inside an Enhanced RTMP {@code av01} sequence-start tag. */
    public static Av1CodecConfiguration fromSequenceHeader(ByteBuf tagBody) {
        return parse(TagBodyLayout.videoSequenceStart(tagBody, VideoCodec.AV1));
    }

    /** {@code av01.P.LLT.DD}, e.g. {@code av01.0.04M.08} (the optional colour fields are left out). */
    @Override
    public String codecString() {
        return String.format("av01.%d.%02d%c.%02d", profile, level, highTier ? 'H' : 'M', bitDepth);
    }
}
