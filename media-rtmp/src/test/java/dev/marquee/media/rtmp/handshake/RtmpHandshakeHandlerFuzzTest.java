package dev.marquee.media.rtmp.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.marquee.media.rtmp.chunk.RtmpChunkDecoder;
import dev.marquee.media.rtmp.chunk.RtmpProtocolException;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;

/**
 * Any bytes from a new connection, through the handshake into the chunk decoder: a closed channel,
 * an {@link RtmpProtocolException} or decoded chunks, never another exception.
 * Seeds: {@code src/test/resources/dev/marquee/media/rtmp/handshake/RtmpHandshakeHandlerFuzzTestInputs/handshake/}.
 */
class RtmpHandshakeHandlerFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void handshake(byte[] input) {
        EmbeddedChannel channel = new EmbeddedChannel(new RtmpHandshakeHandler(0), new RtmpChunkDecoder(1 << 20, 8, 64));
        boolean open = true;
        try {
            int step = input.length == 0 ? 1 : 1 + (input[0] & 0xFF) * 8;
            for (int i = 0; i < input.length && channel.isOpen(); i += step) {
                channel.writeInbound(Unpooled.wrappedBuffer(input, i, Math.min(step, input.length - i)));
            }
            open = channel.isOpen();
        } catch (RtmpProtocolException refused) {
            return;
        } finally {
            for (Object o; (o = channel.readInbound()) != null; ) ReferenceCountUtil.release(o);
            for (Object o; (o = channel.readOutbound()) != null; ) ReferenceCountUtil.release(o);
            try {
                channel.finishAndReleaseAll();
            } catch (RtmpProtocolException refused) {
                // raised again when the channel closes
            }
        }
        if (input.length > 0 && input[0] != RtmpHandshakeHandler.RTMP_VERSION) {
            assertThat(open).as("closed after version " + input[0]).isFalse();
        }
    }
}
