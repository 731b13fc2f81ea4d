package dev.marquee.media.rtmp.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.core.flv.FlvTag;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RtmpChunkEncoderTest {
    private static final int[] SIZES = {0, 1, 2, 127, 128, 129, 255, 256, 1000, 4095, 4096, 4097, 59999, 60000, 60001, 200_000};
    private static final long[] TIMESTAMPS = {0, 33, 0xFFFFFE, 0xFFFFFF, 0x1000000, 0x7FFFFFFFL, 0xFFFFFFFFL};
    private static final int[] CHUNK_STREAMS = {2, 3, 63, 64, 319, 320, 65599};

    private static ByteBuf setChunkSize(int size) {
        return Unpooled.buffer(4).writeInt(size);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 128, 4096, 60000})
    void encodeThenDecodeGivesTheSameMessages(int chunkSize) {
        EmbeddedChannel sender = new EmbeddedChannel(new RtmpChunkEncoder());
        EmbeddedChannel receiver = new EmbeddedChannel(new RtmpChunkDecoder());
        List<RtmpMessage> sent = new ArrayList<>();
        sent.add(new RtmpMessage(2, RtmpMessage.SET_CHUNK_SIZE, 0, 0, setChunkSize(chunkSize)));
        int i = 0;
        for (int size : SIZES) {
            if (chunkSize == 1 && size > 5000) continue; // a byte per chunk: keep the test quick
            long timestamp = TIMESTAMPS[i % TIMESTAMPS.length];
            int csid = CHUNK_STREAMS[i % CHUNK_STREAMS.length];
            sent.add(new RtmpMessage(csid, RtmpMessage.VIDEO, 1, timestamp, Unpooled.wrappedBuffer(ChunkBytes.pattern(size, i))));
            i++;
        }
        for (RtmpMessage m : sent) sender.writeOutbound(m.retain());
        ByteBuf wire;
        while ((wire = sender.readOutbound()) != null) receiver.writeInbound(wire);

        for (RtmpMessage expected : sent) {
            RtmpMessage got = receiver.readInbound();
            assertThat(got).as("message " + expected).isNotNull();
            assertThat(got.chunkStreamId()).isEqualTo(expected.chunkStreamId());
            assertThat(got.typeId()).isEqualTo(expected.typeId());
            assertThat(got.messageStreamId()).isEqualTo(expected.messageStreamId());
            assertThat(got.timestamp()).isEqualTo(expected.timestamp());
            assertThat(ByteBufUtil.equals(got.payload(), expected.payload())).as("payload of " + expected).isTrue();
            got.release();
            expected.release();
        }
        assertThat((Object) receiver.readInbound()).isNull();
        assertThat(sender.finish()).isFalse();
        assertThat(receiver.finish()).isFalse();
    }

    @Test
    void type0ThenType3RepeatingTheExtendedTimestamp() {
        ByteBuf payload = Unpooled.wrappedBuffer(ChunkBytes.pattern(300, 1));
        ByteBuf out = RtmpChunkEncoder.encode(ByteBufAllocator.DEFAULT, 128, 6, RtmpMessage.VIDEO, 1, 0x01020304L, payload);
        ByteBuf expected = new ChunkBytes()
                .type0(6, 0xFFFFFF, 300, RtmpMessage.VIDEO, 1).int32(0x01020304L).payload(ChunkBytes.pattern(300, 1), 0, 128)
                .type3(6).int32(0x01020304L).payload(ChunkBytes.pattern(300, 1), 128, 256)
                .type3(6).int32(0x01020304L).payload(ChunkBytes.pattern(300, 1), 256, 300)
                .build();
        assertThat(ByteBufUtil.hexDump(out)).isEqualTo(ByteBufUtil.hexDump(expected));
        assertThat(out.readableBytes()).isEqualTo(RtmpChunkEncoder.encodedLength(128, 6, 0x01020304L, 300));
        assertThat(payload.readerIndex()).isZero();
        out.release();
        expected.release();
    }

    @Test
    void flvTagEncodesOnceForEveryViewer() {
        FlvTag tag = new FlvTag(FlvTag.VIDEO, 1234, Unpooled.wrappedBuffer(ChunkBytes.pattern(70_000, 3)));
        ByteBuf frame = RtmpChunkEncoder.encode(ByteBufAllocator.DEFAULT, 60_000, 1, tag);
        EmbeddedChannel viewer = new EmbeddedChannel(new RtmpChunkDecoder());
        viewer.writeInbound(new ChunkBytes().setChunkSize(60_000).build(), frame.retainedDuplicate());
        ((RtmpMessage) viewer.readInbound()).release();
        RtmpMessage got = viewer.readInbound();
        assertThat(got.chunkStreamId()).isEqualTo(6);
        assertThat(got.typeId()).isEqualTo(RtmpMessage.VIDEO);
        assertThat(got.messageStreamId()).isEqualTo(1);
        assertThat(got.timestamp()).isEqualTo(1234);
        assertThat(ByteBufUtil.equals(got.payload(), tag.body())).isTrue();
        got.release();
        frame.release();
        tag.release();
    }

    @Test
    void timestampOf0xFFFFFFIsAlreadyExtended() {
        ByteBuf out = RtmpChunkEncoder.encode(ByteBufAllocator.DEFAULT, 128, 4, RtmpMessage.AUDIO, 1, 0xFFFFFF, Unpooled.wrappedBuffer(new byte[] {9}));
        assertThat(ByteBufUtil.hexDump(out)).isEqualTo("04" + "ffffff" + "000001" + "08" + "01000000" + "00ffffff" + "09");
        out.release();
    }

    @Test
    void preEncodedFramesPassThroughAndSetChunkSizeChangesLaterMessages() {
        RtmpChunkEncoder encoder = new RtmpChunkEncoder();
        EmbeddedChannel ch = new EmbeddedChannel(encoder);
        ch.writeOutbound(new RtmpMessage(2, RtmpMessage.SET_CHUNK_SIZE, 0, 0, setChunkSize(60000)));
        assertThat(encoder.chunkSize()).isEqualTo(60000);
        ByteBuf frame = RtmpChunkEncoder.encode(ByteBufAllocator.DEFAULT, 60000, 6, RtmpMessage.VIDEO, 1, 40,
                Unpooled.wrappedBuffer(new byte[5000]));
        ch.writeOutbound(frame.retainedDuplicate(), frame.retainedDuplicate());
        ch.writeOutbound(new RtmpMessage(6, RtmpMessage.VIDEO, 1, 40, Unpooled.wrappedBuffer(new byte[5000])));
        ByteBuf setSize = ch.readOutbound();
        assertThat(setSize.readableBytes()).isEqualTo(16);
        setSize.release();
        for (int i = 0; i < 3; i++) {
            ByteBuf b = ch.readOutbound();
            assertThat(ByteBufUtil.equals(b, frame)).isTrue();
            b.release();
        }
        frame.release();
        assertThat(ch.finish()).isFalse();
    }
}
