package dev.marquee.media.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.core.flv.FlvTag;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FlvFrameFormTest {

    private static FlvTag tag(int type, long timestamp, int size) {
        byte[] body = new byte[size];
        for (int i = 0; i < size; i++) body[i] = (byte) (i * 7 + type);
        return new FlvTag(type, timestamp, Unpooled.wrappedBuffer(body));
    }

    @Test
    void aRunOfChunkFormFramesIsAValidChunkedBodyOfThePlainTags() {
        FlvTag[] tags = {tag(FlvTag.VIDEO, 0, 5_000), tag(FlvTag.AUDIO, 21, 300), tag(FlvTag.VIDEO, 33, 0x1_0000)};
        ByteBuf run = Unpooled.buffer();
        ByteBuf plain = Unpooled.buffer();
        for (FlvTag t : tags) {
            ByteBuf chunk = FlvFrameForm.HTTP_CHUNK.encode(t);
            ByteBuf bare = FlvFrameForm.PLAIN.encode(t);
            assertThat(chunk.readableBytes()).isLessThanOrEqualTo(bare.readableBytes() + FlvFrameForm.CHUNK_OVERHEAD);
            run.writeBytes(chunk);
            plain.writeBytes(bare);
            chunk.release();
            bare.release();
            t.release();
        }

        // what a client's HTTP decoder makes of a response whose body is that run, then the last chunk
        EmbeddedChannel client = new EmbeddedChannel(new HttpResponseDecoder());
        client.writeInbound(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", StandardCharsets.US_ASCII));
        client.writeInbound(run);
        client.writeInbound(Unpooled.copiedBuffer("0\r\n\r\n", StandardCharsets.US_ASCII));
        ByteBuf decoded = Unpooled.buffer();
        boolean ended = false;
        for (Object o; (o = client.readInbound()) != null; ) {
            if (o instanceof HttpResponse r) assertThat(r.decoderResult().isSuccess()).isTrue();
            if (o instanceof HttpContent c) {
                assertThat(c.decoderResult().isSuccess()).isTrue();
                decoded.writeBytes(c.content());
                ended |= c instanceof LastHttpContent;
                c.release();
            }
        }
        assertThat(ended).isTrue();
        assertThat(decoded).isEqualTo(plain);
        decoded.release();
        plain.release();
        client.finishAndReleaseAll();
    }

    @Test
    void aChunkWrapsItsDataAndReleasesIt() {
        ByteBuf data = Unpooled.copiedBuffer("0123456789abcdefX", StandardCharsets.US_ASCII);
        ByteBuf chunk = FlvFrameForm.chunk(Unpooled.buffer(0).alloc(), data);
        assertThat(chunk.toString(StandardCharsets.US_ASCII)).isEqualTo("11\r\n0123456789abcdefX\r\n");
        assertThat(data.refCnt()).isZero();
        chunk.release();
    }
}
