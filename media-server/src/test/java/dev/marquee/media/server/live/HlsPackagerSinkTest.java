package dev.marquee.media.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.core.flv.FlvTag;
import dev.marquee.media.hls.HlsSegment;
import dev.marquee.media.hls.LiveHlsSegmenter;
import dev.marquee.media.hls.TestStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HlsPackagerSinkTest {

    @Test
    void roundsMergedIntoOneBufferEachReachTheSegmenterFrameByFrame() {
        List<FlvTag> tags = new ArrayList<>();
        TestStream.av().feed(tags::add, 0, 7_000);
        LiveHlsSegmenter direct = new LiveHlsSegmenter();
        LiveHlsSegmenter merged = new LiveHlsSegmenter();
        HlsPackagerSink sink = new HlsPackagerSink(merged, ImmediateEventExecutor.INSTANCE, () -> { });

        ByteBuf round = Unpooled.buffer();
        long roundEnd = 100; // as the fan-out hands a viewer in step its 100 ms of frames
        for (FlvTag tag : tags) {
            if (tag.timestamp() >= roundEnd) {
                sink.write(round);
                round = Unpooled.buffer();
                roundEnd += 100;
            }
            ByteBuf bytes = FlvFrameForm.PLAIN.encode(tag);
            round.writeBytes(bytes);
            bytes.release();
            direct.onFrame(tag);
        }
        sink.write(round);
        sink.end();
        direct.onEnd();

        assertThat(merged.playlist()).isEqualTo(direct.playlist()).contains("#EXT-X-ENDLIST");
        int compared = 0;
        for (long seq = 0; seq < 100; seq++) {
            assertThat(merged.segment(seq).isPresent()).as("segment %d held", seq).isEqualTo(direct.segment(seq).isPresent());
            if (direct.segment(seq).isEmpty()) continue;
            compared++;
            HlsSegment expected = direct.segment(seq).orElseThrow();
            HlsSegment got = merged.segment(seq).orElseThrow();
            assertThat(got.toByteArray()).as("segment %d", seq).isEqualTo(expected.toByteArray());
        }
        assertThat(compared).as("segments compared").isGreaterThanOrEqualTo(3);
    }
}
