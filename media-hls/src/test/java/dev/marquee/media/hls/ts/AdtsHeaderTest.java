package dev.marquee.media.hls.ts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.media.core.codec.AacAudioSpecificConfig;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class AdtsHeaderTest {
    @Test
    void aacLcStereoAt44100() {
        AdtsHeader header = AdtsHeader.of(AacAudioSpecificConfig.parse(Hex.buf("1210")));
        ByteBuf out = Unpooled.buffer();
        header.write(out, 100);
        // sync, MPEG-4 no CRC; profile LC(1) rate index 4; stereo; frame length 107; fullness 0x7FF; one block.
        assertThat(Hex.of(out)).isEqualTo("fff150800d7ffc");
    }

    @Test
    void monoAt48000AndTheLargestFrame() {
        AdtsHeader header = AdtsHeader.of(new AacAudioSpecificConfig(2, 3, 48000, 1, 0));
        ByteBuf out = Unpooled.buffer();
        header.write(out, AdtsHeader.MAX_FRAME_SIZE - AdtsHeader.SIZE);
        assertThat(Hex.of(out)).isEqualTo("fff14c43fffffc"); // length 8191 sets all 13 bits
    }

    @Test
    void heAacIsSignalledAsLcAtTheCoreRate() {
        AdtsHeader header = AdtsHeader.of(new AacAudioSpecificConfig(5, 6, 24000, 2, 48000));
        ByteBuf out = Unpooled.buffer();
        header.write(out, 0);
        assertThat((int) out.getUnsignedByte(2)).isEqualTo((1 << 6) | (6 << 2));
    }

    @Test
    void refusesWhatAdtsCannotSay() {
        assertThatThrownBy(() -> AdtsHeader.of(new AacAudioSpecificConfig(42, 4, 44100, 2, 0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdtsHeader.of(new AacAudioSpecificConfig(2, 4, 44100, 0, 0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdtsHeader.of(new AacAudioSpecificConfig(2, 15, 44000, 2, 0))).isInstanceOf(IllegalArgumentException.class);
        AdtsHeader header = AdtsHeader.of(new AacAudioSpecificConfig(2, 4, 44100, 2, 0));
        assertThatThrownBy(() -> header.write(Unpooled.buffer(), AdtsHeader.MAX_FRAME_SIZE)).isInstanceOf(IllegalArgumentException.class);
    }
}
