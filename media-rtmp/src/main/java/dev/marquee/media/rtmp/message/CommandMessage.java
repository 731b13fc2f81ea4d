package dev.marquee.media.rtmp.message;

import dev.marquee.media.core.amf.Amf0;
import dev.marquee.media.rtmp.chunk.RtmpMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AMF0 command message (type 20; AMF3 type 17 is read too): name, transaction id, command object
 * (often null) and the optional arguments after it.
 */
public record CommandMessage(int messageStreamId, String name, double transactionId, Object commandObject,
                             List<Object> arguments) implements TypedMessage {

    public CommandMessage {
        if (name == null) throw new IllegalArgumentException("command without a name");
        arguments = Collections.unmodifiableList(new ArrayList<>(arguments)); // AMF0 null is a valid argument
    }

    public CommandMessage(int messageStreamId, String name, double transactionId, Object commandObject, Object... arguments) {
        this(messageStreamId, name, transactionId, commandObject, Arrays.asList(arguments));
    }

    /** {@code _result} for a transaction on stream 0. */
    public static CommandMessage result(double transactionId, Object commandObject, Object... arguments) {
        return new CommandMessage(0, "_result", transactionId, commandObject, arguments);
    }

    /** {@code _error} for a transaction on stream 0. */
    public static CommandMessage error(double transactionId, Object commandObject, Object... arguments) {
        return new CommandMessage(0, "_error", transactionId, commandObject, arguments);
    }

    /** {@code onStatus} on a message stream: level "status" or "error", a code such as NetStream.Publish.Start. */
    public static CommandMessage onStatus(int messageStreamId, String level, String code, String description) {
        return new CommandMessage(messageStreamId, "onStatus", 0, null, statusInfo(level, code, description));
    }

    /** The info object of onStatus and of connect's _result. */
    public static Map<String, Object> statusInfo(String level, String code, String description) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("level", level);
        info.put("code", code);
        info.put("description", description);
        return info;
    }

    /** Argument i, or null when absent. */
    public Object argument(int i) {
        return i < arguments.size() ? arguments.get(i) : null;
    }

    /** Argument i when it is a string, else null. */
    public String stringArgument(int i) {
        return argument(i) instanceof String s ? s : null;
    }

    /** A property of the command object (connect's app, tcUrl, …) when it is an object, else null. */
    public Object property(String key) {
        return commandObject instanceof Map<?, ?> map ? map.get(key) : null;
    }

    @Override
    public int typeId() {
        return RtmpMessage.COMMAND_AMF0;
    }

    @Override
    public int chunkStreamId() {
        return COMMAND_CHUNK_STREAM;
    }

    @Override
    public ByteBuf encodePayload(ByteBufAllocator alloc) {
        ByteBuf out = alloc.buffer();
        try {
            Amf0.encodeAll(out, name, transactionId, commandObject);
            for (Object argument : arguments) Amf0.encode(out, argument);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }
}
