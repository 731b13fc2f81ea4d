package dev.marquee.media.rtmp.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.marquee.media.rtmp.message.RtmpMessageDecoder;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;

/**
 * Any bytes after the handshake, through the chunk and message decoders: typed messages or an
 * {@link RtmpProtocolException}, never another exception; buffers stay small and nothing leaks.
 * Seeds: {@code src/test/resources/dev/marquee/media/rtmp/chunk/RtmpChunkDecoderFuzzTestInputs/decode/}.
 */
class RtmpChunkDecoderFuzzTest {
    private static final int MAX_MESSAGE_LENGTH = 1 << 20;

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] input) {
        RecordingAllocator alloc = new RecordingAllocator();
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setAllocator(alloc);
        channel.pipeline().addLast(new RtmpChunkDecoder(MAX_MESSAGE_LENGTH, 8, 64), new RtmpMessageDecoder());
        try {
            // the first byte picks how the input is split, so partial reads get exercised too
            int step = input.length == 0 ? 1 : 1 + (input[0] & 0xFF);
            for (int i = 0; i < input.length; i += step) {
                channel.writeInbound(Unpooled.wrappedBuffer(input, i, Math.min(step, input.length - i)));
                drain(channel);
            }
        } catch (RtmpProtocolException refused) {
            // the session logs it and closes the connection
        } finally {
            drain(channel);
            try {
                channel.finishAndReleaseAll();
            } catch (RtmpProtocolException refused) {
                // already reported above, raised again when the channel closes
            }
        }
        assertThat(alloc.largestRequest()).isLessThanOrEqualTo(Math.max(64 * 1024, input.length));
        assertThat(alloc.live()).as("unreleased buffers").isZero();
    }

    private static void drain(EmbeddedChannel channel) {
        for (Object o; (o = channel.readInbound()) != null; ) ReferenceCountUtil.release(o);
    }
}
