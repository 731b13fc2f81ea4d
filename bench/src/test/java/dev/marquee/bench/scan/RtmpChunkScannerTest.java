package dev.marquee.bench.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.media.core.amf.Amf0;
import dev.marquee.media.rtmp.chunk.RtmpChunkEncoder;
import dev.marquee.media.rtmp.message.CommandMessage;
import dev.marquee.media.rtmp.message.SetChunkSize;
import dev.marquee.media.rtmp.message.TypedMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtmpChunkScannerTest {
    private final RecordingSink media = new RecordingSink();
    private final List<String> controls = new ArrayList<>();
    private final List<Object> commands = new ArrayList<>();
    private final RtmpChunkScanner scanner = new RtmpChunkScanner(media, (type, msid, payload, length) -> {
        controls.add(type + "@" + msid);
        if (type == 20) commands.addAll(Amf0.decodeAll(Unpooled.wrappedBuffer(payload, 0, length)));
    });

    private static byte[] chunks(int chunkSize, int csid, int type, int msid, long timestamp, byte[] payload) {
        ByteBuf out = Unpooled.buffer();
        RtmpChunkEncoder.write(out, chunkSize, csid, type, msid, timestamp, Unpooled.wrappedBuffer(payload));
        return bytes(out);
    }

    private static byte[] typed(TypedMessage m) {
        ByteBuf payload = m.encodePayload(UnpooledByteBufAllocator.DEFAULT);
        ByteBuf out = Unpooled.buffer();
        RtmpChunkEncoder.write(out, 128, m.chunkStreamId(), m.typeId(), m.messageStreamId(), m.timestamp(), payload);
        payload.release();
        return bytes(out);
    }

    private static byte[] bytes(ByteBuf buf) {
        byte[] b = new byte[buf.readableBytes()];
        buf.readBytes(b);
        return b;
    }

    private static byte[] join(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private void feed(byte[] stream, int maxPiece) {
        FlvBytes.feed(stream, maxPiece, 7, buf -> scanner.scan(buf, 0, buf.limit(), 5));
    }

    @Test
    void readsMediaAndFollowsSetChunkSize() {
        byte[] key = FlvBytes.body(10_000, 1, (byte) 0x17, (byte) 0x01);
        byte[] stream = join(
                typed(new SetChunkSize(4096)),
                chunks(4096, 6, 9, 1, 0, key),
                chunks(4096, 4, 8, 1, 21, FlvBytes.body(300, 2)),
                chunks(4096, 5, 18, 1, 0, FlvBytes.body(50, 3)));
        for (int piece : new int[] {1, 100, 65536}) {
            media.tags.clear();
            RtmpChunkScanner fresh = new RtmpChunkScanner(media, (t, m, p, l) -> { });
            FlvBytes.feed(stream, piece, 3, buf -> fresh.scan(buf, 0, buf.limit(), 0));
            assertThat(fresh.chunkSize()).isEqualTo(4096);
            assertThat(media.tags).extracting(RecordingSink.Tag::type).containsExactly(9, 8, 18);
            assertThat(media.tags).extracting(RecordingSink.Tag::size).containsExactly(10_000, 300, 50);
            assertThat(media.tags.get(0).peek()).containsExactly(Arrays.copyOf(key, TagSink.PEEK_BYTES));
        }
    }

    @Test
    void accumulatesDeltasOfTypeOneTwoAndThreeHeaders() {
        byte[] first = chunks(128, 6, 9, 1, 1000, FlvBytes.body(10, 1));
        byte[] type1 = join(new byte[] {0x46, 0, 0, 33, 0, 0, 5, 9}, FlvBytes.body(5, 2)); // delta 33, 5 bytes, video
        byte[] type2 = join(new byte[] {(byte) 0x86, 0, 0, 34}, FlvBytes.body(5, 3)); // delta 34, same length and type
        byte[] type3 = join(new byte[] {(byte) 0xC6}, FlvBytes.body(5, 4)); // a new message reusing delta 34
        feed(join(first, type1, type2, type3), 3);
        assertThat(media.tags).extracting(RecordingSink.Tag::timestamp).containsExactly(1000L, 1033L, 1067L, 1101L);
    }

    @Test
    void readsInterleavedChunkStreams() {
        byte[] video = chunks(128, 6, 9, 1, 40, FlvBytes.body(300, 1, (byte) 0x27, (byte) 0x01));
        byte[] audio = chunks(128, 4, 8, 1, 41, FlvBytes.body(100, 2));
        int firstChunk = 12 + 128;
        byte[] stream = join(Arrays.copyOf(video, firstChunk), audio, Arrays.copyOfRange(video, firstChunk, video.length));
        feed(stream, 64);
        assertThat(media.tags).extracting(RecordingSink.Tag::type).containsExactly(8, 9);
        assertThat(media.tags).extracting(RecordingSink.Tag::timestamp).containsExactly(41L, 40L);
    }

    @Test
    void readsExtendedTimestampsRepeatedInContinuationChunks() {
        long late = 0x0100_0000L + 5; // past 24 bits: every chunk carries the 4-byte timestamp
        byte[] stream = join(chunks(128, 6, 9, 1, late, FlvBytes.body(1000, 1)), chunks(128, 6, 9, 1, late + 33, FlvBytes.body(10, 2)));
        feed(stream, 5);
        assertThat(media.tags).extracting(RecordingSink.Tag::timestamp).containsExactly(late, late + 33);
        assertThat(media.tags).extracting(RecordingSink.Tag::size).containsExactly(1000, 10);
    }

    @Test
    void handsCommandsAndControlToTheSession() {
        byte[] stream = join(typed(new CommandMessage(0, "_result", 1, null, "NetConnection.Connect.Success")),
                new byte[] {2, 0, 0, 0, 0, 0, 4, 5, 0, 0, 0, 0, 0, 0x26, 0x25, (byte) 0xA0}); // window ack size 2,500,000
        feed(stream, 2);
        assertThat(controls).containsExactly("20@0", "5@0");
        assertThat(commands).containsExactly("_result", 1.0, null, "NetConnection.Connect.Success");
    }

    @Test
    void refusesAChunkStreamThatStartsWithATypeThreeHeader() {
        byte[] stream = {(byte) 0xC6, 1, 2, 3};
        assertThatThrownBy(() -> scanner.scan(ByteBuffer.wrap(stream), 0, stream.length, 0)).isInstanceOf(StreamFormatException.class);
    }
}
