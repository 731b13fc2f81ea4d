package dev.marquee.media.hls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class CodedPayloadTest {
    @Test
    void legacyAvcFrameCarriesASignedCompositionTime() {
        assertThat(CodedPayload.ofVideo(hex("27 01 000050 00000001 41"))).isEqualTo(new CodedPayload(5, 80));
        assertThat(CodedPayload.ofVideo(hex("17 01 ffffd8 00000001 65"))).isEqualTo(new CodedPayload(5, -40));
    }

    @Test
    void sequenceHeadersEndsOfSequenceAndCommandsAreNotFrames() {
        assertThat(CodedPayload.ofVideo(hex("17 00 000000 01640028"))).isNull();
        assertThat(CodedPayload.ofVideo(hex("17 02 000000"))).isNull();
        assertThat(CodedPayload.ofVideo(hex("57 00"))).isNull();
        assertThat(CodedPayload.ofVideo(hex("27 01"))).isNull(); // cut short
        assertThat(CodedPayload.ofVideo(hex("22 0102"))).isNull(); // Sorenson H.263
    }

    @Test
    void enhancedCodedFramesHaveACompositionTimeAndCodedFramesXDoNot() {
        assertThat(CodedPayload.ofVideo(hex("91 68766331 000021 00000001 26"))).isEqualTo(new CodedPayload(8, 33));
        assertThat(CodedPayload.ofVideo(hex("93 68766331 00000001 26"))).isEqualTo(new CodedPayload(5, 0));
        assertThat(CodedPayload.ofVideo(hex("90 68766331 01"))).isNull(); // SequenceStart
        assertThat(CodedPayload.ofVideo(hex("96 00 68766331 00"))).isNull(); // multitrack is not taken apart here
        assertThat(CodedPayload.ofVideo(hex("91 687663"))).isNull();
    }

    @Test
    void modExBlocksAreSkipped() {
        // ModEx: one byte of data (size-1 = 0), then ModExType 0 + packet type CodedFramesX.
        assertThat(CodedPayload.ofVideo(hex("97 00 aa 03 68766331 00000001 26"))).isEqualTo(new CodedPayload(8, 0));
        assertThat(CodedPayload.ofVideo(hex("97 05 aa"))).isNull();
    }

    @Test
    void audioFramesLegacyAndEnhanced() {
        assertThat(CodedPayload.ofAudio(hex("af 01 2110"))).isEqualTo(new CodedPayload(2, 0));
        assertThat(CodedPayload.ofAudio(hex("af 00 1210"))).isNull();
        assertThat(CodedPayload.ofAudio(hex("91 6d703461 2110"))).isEqualTo(new CodedPayload(5, 0));
        assertThat(CodedPayload.ofAudio(hex("90 6d703461 1210"))).isNull();
        assertThat(CodedPayload.ofAudio(hex("2f 01 ff"))).isNull(); // MP3
    }

    private static io.netty.buffer.ByteBuf hex(String hex) {
        return Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex.replace(" ", "")));
    }
}
