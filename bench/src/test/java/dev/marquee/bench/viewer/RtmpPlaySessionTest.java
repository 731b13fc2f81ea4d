package dev.marquee.bench.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.rtmp.message.CommandMessage;
import org.junit.jupiter.api.Test;

class RtmpPlaySessionTest {
    @Test
    void encodesCommandsAsChunksOfTheDefaultSize() {
        byte[] play = RtmpPlaySession.encode(new CommandMessage(1, "play", 0, null, "stream", -2000.0));
        assertThat(play[0]).isEqualTo((byte) 3); // type 0 header on chunk stream 3
        assertThat(play[7]).isEqualTo((byte) 20); // AMF0 command
        assertThat(play[8]).isEqualTo((byte) 1); // message stream 1, little-endian
        int payload = (play[4] & 0xFF) << 16 | (play[5] & 0xFF) << 8 | play[6] & 0xFF;
        assertThat(play).hasSize(12 + payload); // one chunk: under 128 bytes
    }
}
