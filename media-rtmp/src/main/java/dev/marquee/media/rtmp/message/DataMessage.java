package dev.marquee.media.rtmp.message;

import dev.marquee.media.core.amf.Amf0;
import dev.marquee.media.core.flv.FlvTag;
import dev.marquee.media.rtmp.chunk.RtmpMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * AMF0 data message (type 18; AMF3 type 15 is read too): a list of values, the first usually a name.
 * Publishers send metadata as {@code @setDataFrame, onMetaData, {…}}; as an FLV script tag it is
 * {@code onMetaData, {…}}.
 */
public record DataMessage(int messageStreamId, long timestamp, List<Object> values) implements TypedMessage {
    public static final String SET_DATA_FRAME = "@setDataFrame";
    public static final String ON_META_DATA = "onMetaData";

    public DataMessage {
        values = Collections.unmodifiableList(new ArrayList<>(values));
        timestamp &= 0xFFFFFFFFL;
    }

    /** The first value when it is a string, else null. */
    public String name() {
        return !values.isEmpty() && values.get(0) instanceof String s ? s : null;
    }

    /** The values without a leading {@code @setDataFrame}: what an FLV script tag carries. */
    public List<Object> scriptValues() {
        return SET_DATA_FRAME.equals(name()) ? values.subList(1, values.size()) : values;
    }

    /** onMetaData, sent directly or through @setDataFrame. */
    public boolean isMetadata() {
        List<Object> script = scriptValues();
        return !script.isEmpty() && ON_META_DATA.equals(script.get(0));
    }

    /** An FLV script tag of {@link #scriptValues()}, in a new buffer. */
    public FlvTag toFlvTag(ByteBufAllocator alloc) {
        ByteBuf body = alloc.buffer();
        try {
            for (Object value : scriptValues()) Amf0.encode(body, value);
            return new FlvTag(FlvTag.SCRIPT, timestamp, body);
        } catch (RuntimeException e) {
            body.release();
            throw e;
        }
    }

    @Override
    public int typeId() {
        return RtmpMessage.DATA_AMF0;
    }

    @Override
    public int chunkStreamId() {
        return DATA_CHUNK_STREAM;
    }

    @Override
    public ByteBuf encodePayload(ByteBufAllocator alloc) {
        ByteBuf out = alloc.buffer();
        try {
            for (Object value : values) Amf0.encode(out, value);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }
}
