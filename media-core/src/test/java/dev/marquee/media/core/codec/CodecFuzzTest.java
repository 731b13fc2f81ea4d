package dev.marquee.media.core.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.function.Function;

/**
 * Any bytes, as a configuration record or as an FLV tag body: only CodecConfigurationException escapes from
 * the parsers, and detection never throws.
 */
class CodecFuzzTest {
    private static final List<Function<ByteBuf, CodecConfiguration>> PARSERS = List.of(
            AvcDecoderConfiguration::parse, HevcDecoderConfiguration::parse, Av1CodecConfiguration::parse,
            AacAudioSpecificConfig::parse, AvcDecoderConfiguration::fromSequenceHeader,
            HevcDecoderConfiguration::fromSequenceHeader, Av1CodecConfiguration::fromSequenceHeader,
            AacAudioSpecificConfig::fromSequenceHeader);

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        ByteBuf buf = Unpooled.wrappedBuffer(input);
        VideoCodec.detect(buf);
        AudioCodec.detect(buf);
        for (Function<ByteBuf, CodecConfiguration> parser : PARSERS) {
            try {
                parser.apply(buf).codecString();
            } catch (CodecConfigurationException refused) {
                // the one allowed failure
            }
        }
    }
}
