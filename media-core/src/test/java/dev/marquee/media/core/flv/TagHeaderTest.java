package dev.marquee.media.core.flv;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class TagHeaderTest {
    private static ByteBuf hex(String hex) {
        return Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex.replace(" ", "")));
    }

    @Test
    void legacyAvcPacketTypesDecideKeyframeAndSequenceHeader() {
        assertThat(VideoTagHeader.isSequenceHeader(hex("17 00 000000 01"))).isTrue();
        assertThat(VideoTagHeader.isKeyframe(hex("17 00 000000 01"))).isFalse();
        assertThat(VideoTagHeader.isKeyframe(hex("17 01 000000 00000001"))).isTrue();
        assertThat(VideoTagHeader.isKeyframe(hex("17 02 000000"))).as("end of sequence").isFalse();
        assertThat(VideoTagHeader.isKeyframe(hex("27 01 000000 00000001"))).isFalse();
        assertThat(VideoTagHeader.isKeyframe(hex("12 00"))).as("Sorenson H.263 keyframe").isTrue();
    }

    @Test
    void enhancedPacketTypesDecideKeyframeAndSequenceHeader() {
        assertThat(VideoTagHeader.isSequenceHeader(hex("90 68766331 01"))).isTrue();
        assertThat(VideoTagHeader.isKeyframe(hex("91 68766331 000000 00"))).isTrue();
        assertThat(VideoTagHeader.isKeyframe(hex("93 61763031 00"))).isTrue();
        assertThat(VideoTagHeader.isKeyframe(hex("92 61763031"))).as("sequence end").isFalse();
        assertThat(VideoTagHeader.isKeyframe(hex("94 61763031 02"))).as("metadata").isFalse();
        assertThat(VideoTagHeader.isSequenceHeader(hex("90 6876"))).as("FourCC cut short").isFalse();
    }

    @Test
    void modExAndMultitrackAreLookedThrough() {
        assertThat(VideoTagHeader.isSequenceHeader(hex("97 02 0003e8 00 61766331 01"))).isTrue();
        assertThat(VideoTagHeader.isKeyframe(hex("97 02 0003e8 03 61766331 01"))).isTrue();
        assertThat(VideoTagHeader.isSequenceHeader(hex("96 00 68766331 00 01"))).isTrue();
        assertThat(VideoTagHeader.isKeyframe(hex("96 13 68766331 00 000001 00"))).isTrue();
        assertThat(VideoTagHeader.isSequenceHeader(hex("97 ff"))).isFalse();
        assertThat(AudioTagHeader.isSequenceHeader(hex("95 00 6d703461 00 1210"))).isTrue();
        assertThat(AudioTagHeader.isSequenceHeader(hex("97 00 00 00 4f707573 00"))).isTrue();
        assertThat(AudioTagHeader.isSequenceHeader(hex("af 01 21"))).isFalse();
    }
}
