package dev.marquee.media.rtmp.message;

import dev.marquee.media.core.amf.Amf0;
import dev.marquee.media.core.amf.Amf0Exception;
import dev.marquee.media.rtmp.chunk.RtmpMessage;
import dev.marquee.media.rtmp.chunk.RtmpProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/**
 * Turns raw {@link RtmpMessage}s into {@link TypedMessage}s. Aggregate messages are split into the
 * audio, video and data messages they carry; types with no class here (shared objects) pass on raw.
 * A malformed message raises {@link RtmpProtocolException}.
 */
public class RtmpMessageDecoder extends MessageToMessageDecoder<RtmpMessage> {

    public RtmpMessageDecoder() {
        super(RtmpMessage.class);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, RtmpMessage msg, List<Object> out) {
        try {
            decode(msg, out);
        } catch (Amf0Exception e) {
            throw new RtmpProtocolException("malformed AMF0 in message type " + msg.typeId() + ": " + e.getMessage(), e);
        } catch (IndexOutOfBoundsException e) {
            throw new RtmpProtocolException("truncated message type " + msg.typeId() + " of " + msg.payload().readableBytes() + " bytes", e);
        }
    }

    /** Decodes one raw message into out; media payloads are retained, so the caller still releases msg. */
    public static void decode(RtmpMessage msg, List<Object> out) {
        ByteBuf in = msg.payload().duplicate();
        switch (msg.typeId()) {
            case RtmpMessage.SET_CHUNK_SIZE -> out.add(new SetChunkSize(positive(in.readInt(), "chunk size")));
            case RtmpMessage.ABORT -> out.add(new AbortMessage(in.readInt()));
            case RtmpMessage.ACKNOWLEDGEMENT -> out.add(new Acknowledgement(in.readUnsignedInt()));
            case RtmpMessage.WINDOW_ACKNOWLEDGEMENT_SIZE -> out.add(new WindowAcknowledgementSize(in.readUnsignedInt()));
            // some encoders leave out the limit type; dynamic is the harmless reading
            case RtmpMessage.SET_PEER_BANDWIDTH -> out.add(new SetPeerBandwidth(in.readUnsignedInt(),
                    in.isReadable() ? in.readUnsignedByte() : SetPeerBandwidth.DYNAMIC));
            case RtmpMessage.USER_CONTROL -> out.add(userControl(in));
            case RtmpMessage.AUDIO -> out.add(new AudioMessage(msg.messageStreamId(), msg.timestamp(), msg.payload().retain()));
            case RtmpMessage.VIDEO -> out.add(new VideoMessage(msg.messageStreamId(), msg.timestamp(), msg.payload().retain()));
            case RtmpMessage.COMMAND_AMF0 -> out.add(command(msg.messageStreamId(), in));
            case RtmpMessage.COMMAND_AMF3 -> out.add(command(msg.messageStreamId(), skipAmf3Marker(in)));
            case RtmpMessage.DATA_AMF0 -> out.add(new DataMessage(msg.messageStreamId(), msg.timestamp(), Amf0.decodeAll(in)));
            case RtmpMessage.DATA_AMF3 -> out.add(new DataMessage(msg.messageStreamId(), msg.timestamp(), Amf0.decodeAll(skipAmf3Marker(in))));
            case RtmpMessage.AGGREGATE -> aggregate(msg, out);
            default -> out.add(msg.retain());
        }
    }

    private static UserControlMessage userControl(ByteBuf in) {
        int event = in.readUnsignedShort();
        long value = in.readableBytes() >= 4 ? in.readUnsignedInt() : 0;
        long bufferLength = event == UserControlMessage.SET_BUFFER_LENGTH ? in.readUnsignedInt() : 0;
        return new UserControlMessage(event, value, bufferLength);
    }

    private static CommandMessage command(int messageStreamId, ByteBuf in) {
        List<Object> values = Amf0.decodeAll(in);
        if (values.isEmpty() || !(values.get(0) instanceof String name)) {
            throw new RtmpProtocolException("command without a name");
        }
        double transactionId = values.size() > 1 && values.get(1) instanceof Number n ? n.doubleValue() : 0;
        Object commandObject = values.size() > 2 ? values.get(2) : null;
        List<Object> arguments = values.size() > 3 ? values.subList(3, values.size()) : List.of();
        return new CommandMessage(messageStreamId, name, transactionId, commandObject, arguments);
    }

    /** AMF3 commands and data that start in AMF0 carry a leading 0 byte. */
    private static ByteBuf skipAmf3Marker(ByteBuf in) {
        if (in.isReadable() && in.getByte(in.readerIndex()) == 0) in.skipBytes(1);
        return in;
    }

    /**
     * An aggregate message is FLV tags back to back (11-byte header, body, 4-byte previous tag size);
     * their timestamps are offsets from the first tag's, applied to the aggregate's own.
     */
    private static void aggregate(RtmpMessage msg, List<Object> out) {
        ByteBuf in = msg.payload().duplicate();
        long first = -1;
        int start = out.size();
        try {
            while (in.readableBytes() >= 11) {
                int type = in.readUnsignedByte();
                int size = in.readUnsignedMedium();
                long timestamp = in.readUnsignedMedium() | (long) in.readUnsignedByte() << 24;
                in.skipBytes(3); // stream id, always 0 in FLV
                if (in.readableBytes() < size) throw new RtmpProtocolException("aggregate tag of " + size + " bytes is truncated");
                if (first < 0) first = timestamp;
                long at = (msg.timestamp() + timestamp - first) & 0xFFFFFFFFL;
                ByteBuf body = in.readSlice(size);
                switch (type) {
                    case RtmpMessage.AUDIO -> out.add(new AudioMessage(msg.messageStreamId(), at, body.retain()));
                    case RtmpMessage.VIDEO -> out.add(new VideoMessage(msg.messageStreamId(), at, body.retain()));
                    case RtmpMessage.DATA_AMF0 -> out.add(new DataMessage(msg.messageStreamId(), at, Amf0.decodeAll(body.duplicate())));
                    default -> { } // nothing else belongs in an aggregate
                }
                if (in.readableBytes() >= 4) in.skipBytes(4);
            }
        } catch (RuntimeException e) {
            // do not leak what was already split off
            for (int i = out.size() - 1; i >= start; i--) {
                if (out.remove(i) instanceof MediaMessage m) m.release();
            }
            throw e;
        }
    }

    private static int positive(int value, String what) {
        if (value <= 0) throw new RtmpProtocolException("invalid " + what + " " + Integer.toUnsignedString(value));
        return value;
    }
}
