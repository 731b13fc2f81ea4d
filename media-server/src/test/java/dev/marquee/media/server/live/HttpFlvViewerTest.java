package dev.marquee.media.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.live.StreamTracks;
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
    void sharedFramesGoOutAsTheyAreWithNoFramingOfTheViewersOwn() {
        HttpFlvViewer viewer = viewer(true);
        assertThat(viewer.form()).isEqualTo(FlvFrameForm.HTTP_CHUNK);
        viewer.start(null, StreamTracks.UNKNOWN);
        List<ByteBuf> header = written();
        assertThat(header).hasSize(1);
        assertThat(ascii(header.get(0))).startsWith("d\r\nFLV").endsWith("\r\n"); // 13 bytes: FLV header + PreviousTagSize0
        assertThat(header.get(0).readableBytes()).isEqualTo(3 + 13 + 2);
        header.forEach(ByteBuf::release);

        ByteBuf shared = Unpooled.directBuffer(300).writeZero(300);
        ByteBuf first = shared.retainedDuplicate();
        ByteBuf second = shared.retainedDuplicate();
        viewer.write(first);
        viewer.write(second);
        assertThat(written()).as("nothing leaves before the flush").isEmpty();
        viewer.flush();
        List<ByteBuf> out = written();
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).isSameAs(first); // written as given: no copy, no chunk line around it
        assertThat(out.get(1)).isSameAs(second);
        out.forEach(ByteBuf::release);
        assertThat(shared.refCnt()).isEqualTo(1);
        shared.release();
    }

    @Test
    void theEndIsTheLastChunkThenTheClose() {
        HttpFlvViewer viewer = viewer(true);
        viewer.start(null, StreamTracks.UNKNOWN);
        written().forEach(ByteBuf::release);
        viewer.write(Unpooled.copiedBuffer("3\r\ntag\r\n", StandardCharsets.US_ASCII)); // a frame in the chunked form
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
        assertThat(viewer.form()).isEqualTo(FlvFrameForm.PLAIN);
        viewer.start(null, StreamTracks.UNKNOWN);
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
        viewer.start(null, StreamTracks.UNKNOWN);
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
        viewer.start(null, StreamTracks.UNKNOWN);
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(10, 20));
        channel.write(Unpooled.buffer(100).writeZero(100)); // queued, never flushed: above the high mark
        assertThat(channel.isWritable()).isFalse();
        Thread.sleep(80);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).isFalse();
    }
}
