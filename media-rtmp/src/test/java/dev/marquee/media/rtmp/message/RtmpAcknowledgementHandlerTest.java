package dev.marquee.media.rtmp.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class RtmpAcknowledgementHandlerTest {
    @Test
    void acknowledgesEachWindowWithTheTotalReceived() {
        EmbeddedChannel channel = new EmbeddedChannel(new RtmpAcknowledgementHandler(1000));
        for (int i = 0; i < 5; i++) channel.writeInbound(Unpooled.wrappedBuffer(new byte[600]));
        assertThat((Object) channel.readOutbound()).isEqualTo(new Acknowledgement(1200));
        assertThat((Object) channel.readOutbound()).isEqualTo(new Acknowledgement(2400));
        assertThat((Object) channel.readOutbound()).isNull();
        for (Object o; (o = channel.readInbound()) != null; ) ((ByteBuf) o).release();
    }

    @Test
    void peerWindowSizeAppliesThroughThePipeline() {
        RtmpAcknowledgementHandler handler = new RtmpAcknowledgementHandler(0);
        EmbeddedChannel channel = new EmbeddedChannel(handler);
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[5000]));
        assertThat((Object) channel.readOutbound()).isNull();
        RtmpAcknowledgementHandler.windowSize(channel.pipeline(), 100);
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[1]));
        assertThat((Object) channel.readOutbound()).isEqualTo(new Acknowledgement(5001));
        assertThat(handler.bytesReceived()).isEqualTo(5001);
        channel.finishAndReleaseAll();
    }
}
