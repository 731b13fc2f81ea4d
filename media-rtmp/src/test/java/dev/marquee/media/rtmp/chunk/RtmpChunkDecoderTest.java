package dev.marquee.media.rtmp.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RtmpChunkDecoderTest {
    private final RecordingAllocator alloc = new RecordingAllocator();
    private EmbeddedChannel channel = channel(new RtmpChunkDecoder());

    private EmbeddedChannel channel(RtmpChunkDecoder decoder) {
        EmbeddedChannel ch = new EmbeddedChannel(decoder);
        ch.config().setAllocator(alloc);
        return ch;
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private List<RtmpMessage> feed(ByteBuf bytes) {
        channel.writeInbound(bytes);
        List<RtmpMessage> messages = new ArrayList<>();
        RtmpMessage m;
        while ((m = channel.readInbound()) != null) messages.add(m);
        return messages;
    }

    private static byte[] bytes(RtmpMessage m) {
        try {
            return ByteBufUtil.getBytes(m.payload());
        } finally {
            m.release();
        }
    }

    @Test
    void type0HeaderCarriesEverything() {
        byte[] body = ChunkBytes.pattern(5, 1);
        List<RtmpMessage> out = feed(new ChunkBytes().type0(3, 100, 5, 20, 1).payload(body).build());
        assertThat(out).hasSize(1);
        RtmpMessage m = out.get(0);
        assertThat(m.chunkStreamId()).isEqualTo(3);
        assertThat(m.typeId()).isEqualTo(20);
        assertThat(m.messageStreamId()).isEqualTo(1);
        assertThat(m.timestamp()).isEqualTo(100);
        assertThat(bytes(m)).isEqualTo(body);
    }

    @Test
    void type1Type2AndType3AccumulateDeltas() {
        ByteBuf in = new ChunkBytes()
                .type0(4, 1000, 3, RtmpMessage.AUDIO, 1).payload(new byte[] {1, 2, 3})
                .type1(4, 20, 4, RtmpMessage.VIDEO).payload(new byte[] {4, 5, 6, 7})
                .type2(4, 30).payload(new byte[] {8, 9, 10, 11})
                .type3(4).payload(new byte[] {12, 13, 14, 15})
                .build();
        List<RtmpMessage> out = feed(in);
        assertThat(out).extracting(RtmpMessage::timestamp).containsExactly(1000L, 1020L, 1050L, 1080L);
        assertThat(out).extracting(RtmpMessage::typeId).containsExactly(8, 9, 9, 9);
        assertThat(out).extracting(RtmpMessage::messageStreamId).containsOnly(1);
        out.subList(0, 3).forEach(RtmpMessage::release);
        assertThat(bytes(out.get(3))).containsExactly(12, 13, 14, 15);
    }

    @Test
    void type3AfterType0ReusesTheAbsoluteTimestampAsDelta() {
        List<RtmpMessage> out = feed(new ChunkBytes()
                .type0(5, 40, 1, RtmpMessage.AUDIO, 1).payload(new byte[] {1})
                .type3(5).payload(new byte[] {2})
                .build());
        assertThat(out).extracting(RtmpMessage::timestamp).containsExactly(40L, 80L);
        out.forEach(RtmpMessage::release);
    }

    @Test
    void twoAndThreeByteBasicHeaders() {
        List<RtmpMessage> out = feed(new ChunkBytes()
                .type0(64, 1, 1, 20, 0).payload(new byte[] {1})
                .type0(319, 2, 1, 20, 0).payload(new byte[] {2})
                .type0(320, 3, 1, 20, 0).payload(new byte[] {3})
                .type0(65599, 4, 1, 20, 0).payload(new byte[] {4})
                .type3(65599).payload(new byte[] {5})
                .build());
        assertThat(out).extracting(RtmpMessage::chunkStreamId).containsExactly(64, 319, 320, 65599, 65599);
        out.forEach(RtmpMessage::release);
    }

    @Test
    void messageSplitAcrossChunksAndInterleavedWithAnotherChunkStream() {
        byte[] video = ChunkBytes.pattern(300, 7);
        byte[] audio = ChunkBytes.pattern(10, 9);
        List<RtmpMessage> out = feed(new ChunkBytes()
                .type0(6, 0, 300, RtmpMessage.VIDEO, 1).payload(video, 0, 128)
                .type0(4, 0, 10, RtmpMessage.AUDIO, 1).payload(audio)
                .type3(6).payload(video, 128, 256)
                .type2(4, 23).payload(audio)
                .type3(6).payload(video, 256, 300)
                .build());
        assertThat(out).extracting(RtmpMessage::typeId).containsExactly(8, 8, 9);
        assertThat(out.get(1).timestamp()).isEqualTo(23);
        out.get(0).release();
        out.get(1).release();
        assertThat(bytes(out.get(2))).isEqualTo(video);
    }

    @Test
    void bytesArrivingOneAtATimeDecodeTheSame() {
        byte[] video = ChunkBytes.pattern(300, 3);
        ByteBuf in = new ChunkBytes()
                .type0(70, 0xFFFFFF, 300, RtmpMessage.VIDEO, 1).int32(0x01020304L).payload(video, 0, 128)
                .type3(70).int32(0x01020304L).payload(video, 128, 256)
                .type3(70).int32(0x01020304L).payload(video, 256, 300)
                .build();
        List<RtmpMessage> out = new ArrayList<>();
        while (in.isReadable()) out.addAll(feed(in.readRetainedSlice(1)));
        in.release();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).timestamp()).isEqualTo(0x01020304L);
        assertThat(bytes(out.get(0))).isEqualTo(video);
    }

    @Test
    void extendedTimestampRepeatedInType3ChunksAsFfmpegSendsIt() {
        byte[] video = ChunkBytes.pattern(300, 5);
        List<RtmpMessage> out = feed(new ChunkBytes()
                .type0(6, 0xFFFFFF, 300, RtmpMessage.VIDEO, 1).int32(0x12345678L).payload(video, 0, 128)
                .type3(6).int32(0x12345678L).payload(video, 128, 256)
                .type3(6).int32(0x12345678L).payload(video, 256, 300)
                .build());
        assertThat(out).hasSize(1);
        assertThat(out.get(0).timestamp()).isEqualTo(0x12345678L);
        assertThat(bytes(out.get(0))).isEqualTo(video);
    }

    @Test
    void extendedTimestampNotRepeatedInType3Chunks() {
        byte[] video = ChunkBytes.pattern(300, 5);
        List<RtmpMessage> out = feed(new ChunkBytes()
                .type0(6, 0xFFFFFF, 300, RtmpMessage.VIDEO, 1).int32(0x12345678L).payload(video, 0, 128)
                .type3(6).payload(video, 128, 256)
                .type3(6).payload(video, 256, 300)
                .type0(4, 0, 4, RtmpMessage.AUDIO, 1).payload(new byte[] {1, 2, 3, 4})
                .build());
        assertThat(out).hasSize(2);
        assertThat(out.get(0).timestamp()).isEqualTo(0x12345678L);
        assertThat(bytes(out.get(0))).isEqualTo(video);
        assertThat(bytes(out.get(1))).containsExactly(1, 2, 3, 4);
    }

    @Test
    void extendedDeltaAppliesToNewMessagesStartedWithType3() {
        List<RtmpMessage> out = feed(new ChunkBytes()
                .type0(4, 10, 1, RtmpMessage.AUDIO, 1).payload(new byte[] {1})
                .type2(4, 0xFFFFFF).int32(0x01000000L).payload(new byte[] {2})
                .type3(4).int32(0x01000000L).payload(new byte[] {3})
                .build());
        assertThat(out).extracting(RtmpMessage::timestamp).containsExactly(10L, 0x0100000AL, 0x0200000AL);
        out.forEach(RtmpMessage::release);
    }

    @Test
    void type3StartingAMessageReadsANewExtendedDelta() {
        List<RtmpMessage> out = feed(new ChunkBytes()
                .type0(4, 0xFFFFFF, 1, RtmpMessage.AUDIO, 1).int32(0x01000000L).payload(new byte[] {1})
                .type3(4).int32(0x01000005L).payload(new byte[] {2})
                .build());
        assertThat(out).extracting(RtmpMessage::timestamp).containsExactly(0x01000000L, 0x02000005L);
        out.forEach(RtmpMessage::release);
    }

    @Test
    void timestampsGoPast24BitsAndWrapAt32Bits() {
        List<RtmpMessage> out = feed(new ChunkBytes()
                .type0(4, 0xFFFFF0, 1, RtmpMessage.AUDIO, 1).payload(new byte[] {1})
                .type2(4, 0x20).payload(new byte[] {2})
                .type0(5, 0xFFFFFF, 1, RtmpMessage.VIDEO, 1).int32(0xFFFFFFF0L).payload(new byte[] {3})
                .type2(5, 0x20).payload(new byte[] {4})
                .build());
        assertThat(out).extracting(RtmpMessage::timestamp).containsExactly(0xFFFFF0L, 0x1000010L, 0xFFFFFFF0L, 0x10L);
        out.forEach(RtmpMessage::release);
    }

    @Test
    void setChunkSizeFromPeerAppliesToTheNextChunk() {
        byte[] big = ChunkBytes.pattern(3000, 2);
        RtmpChunkDecoder decoder = new RtmpChunkDecoder();
        channel = channel(decoder);
        List<RtmpMessage> out = feed(new ChunkBytes()
                .setChunkSize(4096)
                .type0(6, 0, 3000, RtmpMessage.VIDEO, 1).payload(big)
                .build());
        assertThat(decoder.chunkSize()).isEqualTo(4096);
        assertThat(out).extracting(RtmpMessage::typeId).containsExactly(RtmpMessage.SET_CHUNK_SIZE, RtmpMessage.VIDEO);
        out.get(0).release();
        assertThat(bytes(out.get(1))).isEqualTo(big);
    }

    @Test
    void chunkSizeOfOneAndMaximumAreValid() {
        RtmpChunkDecoder decoder = new RtmpChunkDecoder();
        channel = channel(decoder);
        List<RtmpMessage> out = feed(new ChunkBytes()
                .setChunkSize(1)
                .type0(3, 0, 3, 20, 0).payload(new byte[] {1}).type3(3).payload(new byte[] {2}).type3(3).payload(new byte[] {3})
                .type0(2, 0, 4, RtmpMessage.SET_CHUNK_SIZE, 0).payload(new byte[] {0x7F})
                .type3(2).payload(new byte[] {-1}).type3(2).payload(new byte[] {-1}).type3(2).payload(new byte[] {-1})
                .build());
        assertThat(decoder.chunkSize()).isEqualTo(0x7FFFFFFF);
        out.get(0).release();
        out.get(2).release();
        assertThat(bytes(out.get(1))).containsExactly(1, 2, 3);
    }

    @Test
    void chunkSizeZeroIsAProtocolError() {
        assertThatThrownBy(() -> feed(new ChunkBytes().setChunkSize(0).build()))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("chunk size 0");
    }

    @Test
    void chunkSizeWithBit31SetIsAProtocolError() {
        assertThatThrownBy(() -> feed(new ChunkBytes().setChunkSize(0x80000000L).build()))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("2147483648");
        // after the error, input is ignored rather than misparsed
        assertThat(feed(new ChunkBytes().type0(3, 0, 1, 20, 0).payload(new byte[] {1}).build())).isEmpty();
    }

    @Test
    void abortDropsThePartialMessage() {
        byte[] video = ChunkBytes.pattern(300, 1);
        List<RtmpMessage> out = feed(new ChunkBytes()
                .type0(6, 0, 300, RtmpMessage.VIDEO, 1).payload(video, 0, 128)
                .type0(2, 0, 4, RtmpMessage.ABORT, 0).int32(6)
                .type0(6, 40, 2, RtmpMessage.VIDEO, 1).payload(new byte[] {7, 8})
                .build());
        assertThat(out).extracting(RtmpMessage::typeId).containsExactly(RtmpMessage.ABORT, RtmpMessage.VIDEO);
        out.get(0).release();
        assertThat(out.get(1).timestamp()).isEqualTo(40);
        assertThat(bytes(out.get(1))).containsExactly(7, 8);
    }

    @Test
    void declaredLengthOverTheLimitFailsBeforeAnyAllocation() {
        channel = channel(new RtmpChunkDecoder(1024 * 1024));
        long before = alloc.largestRequest();
        // 16 MiB - 1, the most a 24-bit length can declare; far over this decoder's 1 MiB limit
        assertThatThrownBy(() -> feed(new ChunkBytes().type0(6, 0, 0xFFFFFF, RtmpMessage.VIDEO, 1).build()))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("16777215 bytes");
        assertThat(alloc.largestRequest()).isEqualTo(before).isLessThan(1024);
    }

    @Test
    void partialMessageBuffersGrowWithTheBytesReceived() {
        // default limit 16 MiB; a peer that declares the maximum and sends 10 bytes costs little
        feed(new ChunkBytes().setChunkSize(0x7FFFFFFFL).type0(6, 0, 0xFFFFFF, RtmpMessage.VIDEO, 1)
                .payload(new byte[10]).build()).forEach(RtmpMessage::release);
        assertThat(alloc.largestRequest()).isLessThanOrEqualTo(64 * 1024);
    }

    @Test
    void tooManyMessagesInProgressIsAProtocolError() {
        channel = channel(new RtmpChunkDecoder(RtmpChunkDecoder.DEFAULT_MAX_MESSAGE_LENGTH, 4, 64));
        ChunkBytes in = new ChunkBytes();
        for (int csid = 3; csid < 8; csid++) in.type0(csid, 0, 1000, RtmpMessage.VIDEO, 1).payload(new byte[128]);
        assertThatThrownBy(() -> feed(in.build())).isInstanceOf(RtmpProtocolException.class).hasMessageContaining("in progress");
    }

    @Test
    void tooManyChunkStreamsIsAProtocolError() {
        channel = channel(new RtmpChunkDecoder(RtmpChunkDecoder.DEFAULT_MAX_MESSAGE_LENGTH, 4, 8));
        ChunkBytes in = new ChunkBytes();
        for (int csid = 3; csid < 20; csid++) in.type0(csid, 0, 1, RtmpMessage.AUDIO, 1).payload(new byte[1]);
        assertThatThrownBy(() -> feed(in.build())).isInstanceOf(RtmpProtocolException.class).hasMessageContaining("chunk streams");
    }

    @Test
    void chunkStreamCannotStartWithType2Or3() {
        assertThatThrownBy(() -> feed(new ChunkBytes().type3(9).payload(new byte[4]).build()))
                .isInstanceOf(RtmpProtocolException.class);
    }

    @Test
    void librtmpMayOpenChunkStream2WithType1() {
        List<RtmpMessage> out = feed(new ChunkBytes().type1(2, 0, 6, RtmpMessage.USER_CONTROL).payload(new byte[] {0, 6, 0, 0, 0, 1}).build());
        assertThat(out).extracting(RtmpMessage::messageStreamId).containsExactly(0);
        out.forEach(RtmpMessage::release);
    }

    @Test
    void partialMessagesAreReleasedWhenTheChannelCloses() {
        ByteBuf in = new ChunkBytes().type0(6, 0, 300, RtmpMessage.VIDEO, 1).payload(new byte[128]).build();
        feed(in);
        channel.finishAndReleaseAll();
        assertThat(alloc.live()).isZero();
    }
}
