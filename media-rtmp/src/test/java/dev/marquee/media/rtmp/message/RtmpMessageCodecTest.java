package dev.marquee.media.rtmp.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.media.core.amf.Amf0;
import dev.marquee.media.core.amf.Amf0EcmaArray;
import dev.marquee.media.core.flv.FlvTag;
import dev.marquee.media.rtmp.chunk.RtmpMessage;
import dev.marquee.media.rtmp.chunk.RtmpProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RtmpMessageCodecTest {
    private final EmbeddedChannel channel = new EmbeddedChannel(new RtmpMessageDecoder(), new RtmpMessageEncoder());

    /** Typed → raw through the encoder, raw → typed through the decoder. */
    private Object roundTrip(TypedMessage message) {
        channel.writeOutbound(message);
        RtmpMessage raw = channel.readOutbound();
        assertThat(raw.typeId()).isEqualTo(message.typeId());
        assertThat(raw.chunkStreamId()).isEqualTo(message.chunkStreamId());
        channel.writeInbound(raw);
        return channel.readInbound();
    }

    private Object decode(int typeId, int streamId, ByteBuf payload) {
        channel.writeInbound(new RtmpMessage(3, typeId, streamId, 0, payload));
        return channel.readInbound();
    }

    @Test
    void controlMessagesRoundTripOnChunkStream2() {
        List<TypedMessage> messages = List.of(new SetChunkSize(60000), new AbortMessage(6), new Acknowledgement(0xFFFFFFF0L),
                new WindowAcknowledgementSize(2_500_000), new SetPeerBandwidth(2_500_000, SetPeerBandwidth.DYNAMIC),
                UserControlMessage.streamBegin(1), UserControlMessage.streamEof(1), UserControlMessage.streamDry(1),
                UserControlMessage.setBufferLength(1, 3000), UserControlMessage.streamIsRecorded(1),
                UserControlMessage.pingRequest(123456), UserControlMessage.pingResponse(123456));
        for (TypedMessage m : messages) {
            assertThat(m.chunkStreamId()).isEqualTo(2);
            assertThat(m.messageStreamId()).isZero();
            assertThat(roundTrip(m)).isEqualTo(m);
        }
    }

    @Test
    void commandRoundTripsWithObjectAndNullArguments() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("app", "live");
        object.put("tcUrl", "rtmp://127.0.0.1/live");
        CommandMessage connect = new CommandMessage(0, "connect", 1, object);
        assertThat(roundTrip(connect)).isEqualTo(connect);
        CommandMessage publish = new CommandMessage(1, "publish", 5, null, "key", "live");
        CommandMessage decoded = (CommandMessage) roundTrip(publish);
        assertThat(decoded).isEqualTo(publish);
        assertThat(decoded.stringArgument(0)).isEqualTo("key");
        assertThat(decoded.argument(7)).isNull();
        assertThat(CommandMessage.result(4, null, 1.0).arguments()).containsExactly(1.0);
    }

    @Test
    void amf3CommandWithLeadingZeroIsRead() {
        ByteBuf payload = Unpooled.buffer().writeByte(0);
        Amf0.encodeAll(payload, "createStream", 4.0, null);
        CommandMessage command = (CommandMessage) decode(RtmpMessage.COMMAND_AMF3, 0, payload);
        assertThat(command.name()).isEqualTo("createStream");
        assertThat(command.transactionId()).isEqualTo(4.0);
        assertThat(command.arguments()).isEmpty();
    }

    @Test
    void setDataFrameBecomesAnOnMetaDataScriptTag() {
        Amf0EcmaArray metadata = new Amf0EcmaArray();
        metadata.put("width", 1280.0);
        metadata.put("height", 720.0);
        ByteBuf payload = Unpooled.buffer();
        Amf0.encodeAll(payload, "@setDataFrame", "onMetaData", metadata);
        DataMessage data = (DataMessage) decode(RtmpMessage.DATA_AMF0, 1, payload);
        assertThat(data.name()).isEqualTo("@setDataFrame");
        assertThat(data.isMetadata()).isTrue();
        FlvTag tag = data.toFlvTag(Unpooled.buffer().alloc());
        assertThat(tag.isScript()).isTrue();
        assertThat(Amf0.decodeAll(tag.body().duplicate())).containsExactly("onMetaData", metadata);
        tag.release();
    }

    @Test
    void videoPayloadBecomesAnFlvTagWithoutCopying() {
        ByteBuf payload = Unpooled.wrappedBuffer(new byte[] {0x17, 0x01, 0, 0, 0, 9, 9});
        VideoMessage video = (VideoMessage) decode(RtmpMessage.VIDEO, 1, payload);
        assertThat(video.timestamp()).isZero();
        FlvTag tag = video.toFlvTag();
        assertThat(tag.isKeyframe()).isTrue();
        assertThat(tag.body()).isSameAs(payload);
        assertThat(payload.refCnt()).isEqualTo(1);
        tag.release();
        assertThat(payload.refCnt()).isZero();
    }

    @Test
    void mediaMessagesEncodeBySharingTheTagBody() {
        FlvTag tag = new FlvTag(FlvTag.AUDIO, 40, Unpooled.wrappedBuffer(new byte[] {(byte) 0xAF, 1, 5}));
        channel.writeOutbound(AudioMessage.of(tag, 1));
        RtmpMessage raw = channel.readOutbound();
        assertThat(raw.timestamp()).isEqualTo(40);
        assertThat(raw.messageStreamId()).isEqualTo(1);
        assertThat(raw.chunkStreamId()).isEqualTo(TypedMessage.AUDIO_CHUNK_STREAM);
        assertThat(raw.payload().unwrap()).isSameAs(tag.body());
        raw.release();
        tag.release();
        assertThat(tag.body().refCnt()).isZero();
    }

    @Test
    void aggregateSplitsIntoFramesWithOffsetTimestamps() {
        ByteBuf payload = Unpooled.buffer();
        writeTag(payload, FlvTag.VIDEO, 1000, new byte[] {0x17, 1, 0, 0, 0});
        writeTag(payload, FlvTag.AUDIO, 1023, new byte[] {(byte) 0xAF, 1});
        channel.writeInbound(new RtmpMessage(4, RtmpMessage.AGGREGATE, 1, 5000, payload));
        VideoMessage video = channel.readInbound();
        AudioMessage audio = channel.readInbound();
        assertThat(video.timestamp()).isEqualTo(5000);
        assertThat(audio.timestamp()).isEqualTo(5023);
        assertThat(ByteBufUtil.getBytes(audio.payload())).containsExactly(0xAF, 1);
        video.release();
        audio.release();
        assertThat(payload.refCnt()).isZero();
    }

    private static void writeTag(ByteBuf out, int type, int timestamp, byte[] body) {
        out.writeByte(type).writeMedium(body.length).writeMedium(timestamp).writeByte(timestamp >>> 24).writeMedium(0);
        out.writeBytes(body).writeInt(11 + body.length);
    }

    @Test
    void malformedMessagesAreProtocolErrors() {
        assertThatThrownBy(() -> decode(RtmpMessage.COMMAND_AMF0, 0, Unpooled.wrappedBuffer(new byte[] {2, 0, 9, 'a'})))
                .isInstanceOf(RtmpProtocolException.class);
        assertThatThrownBy(() -> decode(RtmpMessage.COMMAND_AMF0, 0, Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0})))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("without a name");
        assertThatThrownBy(() -> decode(RtmpMessage.WINDOW_ACKNOWLEDGEMENT_SIZE, 0, Unpooled.wrappedBuffer(new byte[] {1, 2})))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> decode(RtmpMessage.SET_CHUNK_SIZE, 0, Unpooled.buffer().writeInt(0)))
                .isInstanceOf(RtmpProtocolException.class);
    }

    @Test
    void sharedObjectMessagesPassOnRaw() {
        Object out = decode(RtmpMessage.SHARED_OBJECT_AMF0, 0, Unpooled.wrappedBuffer(new byte[] {1}));
        assertThat(out).isInstanceOf(RtmpMessage.class);
        ((RtmpMessage) out).release();
    }
}
