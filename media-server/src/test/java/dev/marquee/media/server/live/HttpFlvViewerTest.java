package dev.marquee.media.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpFlvViewerTest {
    private final EmbeddedChannel channel = new EmbeddedChannel();

    @AfterEach
    void release() {
        channel.finishAndReleaseAll();
    }

    private HttpFlvViewer viewer(boolean chunked) {
        HttpFlvViewer viewer = new HttpFlvViewer(channel, chunked, Duration.ofMillis(50));
        channel.pipeline().addLast(HttpFlvViewer.NAME, viewer);
        return viewer;
    }

    private List<ByteBuf> written() {
        List<ByteBuf> out = new ArrayList<>();
        for (Object o; (o = channel.readOutbound()) != null; ) out.add((ByteBuf) o);
        return out;
    }

    private static String ascii(ByteBuf b) {
        return b.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void aDrainGoesOutAsOneChunkOfTheSharedBuffersThemselves() {
        HttpFlvViewer viewer = viewer(true);
        viewer.start(null);
        List<ByteBuf> header = written();
        assertThat(header).hasSize(3);
        assertThat(ascii(header.get(0))).isEqualTo("d\r\n"); // 13 bytes: FLV header + PreviousTagSize0
        assertThat(ascii(header.get(1).slice(0, 3))).isEqualTo("FLV");
        assertThat(ascii(header.get(2))).isEqualTo("\r\n");
        header.forEach(ByteBuf::release);

        ByteBuf shared = Unpooled.directBuffer(300).writeZero(300);
        ByteBuf first = shared.retainedDuplicate();
        ByteBuf second = shared.retainedDuplicate();
        viewer.write(first);
        viewer.write(second);
        assertThat(written()).as("nothing leaves before the flush").isEmpty();
        viewer.flush();
        List<ByteBuf> chunk = written();
        assertThat(ascii(chunk.get(0))).isEqualTo("258\r\n"); // 600 bytes
        assertThat(chunk.get(1)).isSameAs(first); // written as given: no copy
        assertThat(chunk.get(2)).isSameAs(second);
        assertThat(ascii(chunk.get(3))).isEqualTo("\r\n");
        chunk.forEach(ByteBuf::release);
        assertThat(shared.refCnt()).isEqualTo(1);
        shared.release();
    }

    @Test
    void theEndIsTheLastChunkThenTheClose() {
        HttpFlvViewer viewer = viewer(true);
        viewer.start(null);
        written().forEach(ByteBuf::release);
        viewer.write(Unpooled.copiedBuffer("tag", StandardCharsets.US_ASCII));
        viewer.end();
        List<String> out = written().stream().map(b -> {
            String s = ascii(b);
            b.release();
            return s;
        }).toList();
        assertThat(String.join("", out)).isEqualTo("3\r\ntag\r\n0\r\n\r\n");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void http10GetsTheBytesUnframed() {
        HttpFlvViewer viewer = viewer(false);
        viewer.start(null);
        List<ByteBuf> header = written();
        assertThat(header).hasSize(1);
        assertThat(header.get(0).readableBytes()).isEqualTo(13);
        header.get(0).release();
        viewer.end();
        written().forEach(ByteBuf::release);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void queuedBytesCountAgainstTheHighWatermark() {
        HttpFlvViewer viewer = viewer(true);
        viewer.start(null);
        written().forEach(ByteBuf::release);
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(100, 1000));
        assertThat(viewer.isWritable()).isTrue();
        ByteBuf big = Unpooled.buffer(1001).writeZero(1001); // just above the high mark
        viewer.write(big);
        assertThat(viewer.isWritable()).isFalse();
        channel.close();
        assertThat(big.refCnt()).as("released when the viewer goes").isZero();
    }

    @Test
    void aViewerThatTakesNothingIsClosedAfterTheStallTimeout() throws InterruptedException {
        HttpFlvViewer viewer = viewer(true);
        viewer.start(null);
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(10, 20));
        channel.write(Unpooled.buffer(100).writeZero(100)); // queued, never flushed: above the high mark
        assertThat(channel.isWritable()).isFalse();
        Thread.sleep(80);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isFalse();
    }
}
