package dev.marquee.media.core.flv;

import io.netty.buffer.ByteBuf;
import io.netty.util.AbstractReferenceCounted;
import io.netty.util.ReferenceCounted;

/**
 * One audio, video or script frame as FLV carries it: type, 32-bit millisecond timestamp and the tag
 * body (without the 11-byte tag header). The body is parsed once at ingest and then shared, by
 * reference count, by every consumer; nobody may modify it.
 */
public final class FlvTag extends AbstractReferenceCounted {
    public static final int AUDIO = 8;
    public static final int VIDEO = 9;
    public static final int SCRIPT = 18;

    private final int type;
    private final long timestamp;
    private final ByteBuf body;
    private final boolean keyframe;
    private final boolean sequenceHeader;

    public FlvTag(int type, long timestamp, ByteBuf body) {
        if (type != AUDIO && type != VIDEO && type != SCRIPT) throw new IllegalArgumentException("FLV tag type " + type);
        this.type = type;
        this.timestamp = timestamp & 0xFFFFFFFFL;
        this.body = body;
        this.keyframe = type == VIDEO && VideoTagHeader.isKeyframe(body);
        this.sequenceHeader = (type == VIDEO && VideoTagHeader.isSequenceHeader(body))
                || (type == AUDIO && AudioTagHeader.isSequenceHeader(body));
    }

    public int type() {
        return type;
    }

    /** Milliseconds, 0 … 2^32-1 (FLV's 24 bits plus the extension byte). */
    public long timestamp() {
        return timestamp;
    }

    /** The tag body; read it with index-based methods or a duplicate, never move its indexes. */
    public ByteBuf body() {
        return body;
    }

    public int size() {
        return body.readableBytes();
    }

    public boolean isVideo() {
        return type == VIDEO;
    }

    public boolean isAudio() {
        return type == AUDIO;
    }

    public boolean isScript() {
        return type == SCRIPT;
    }

    /** A video frame a decoder can start from. */
    public boolean isKeyframe() {
        return keyframe;
    }

    /** AVC/HEVC/AV1 decoder configuration or AAC AudioSpecificConfig: needed before any frame decodes. */
    public boolean isSequenceHeader() {
        return sequenceHeader;
    }

    /** The same tag at another timestamp, sharing (and retaining) the body. */
    public FlvTag withTimestamp(long newTimestamp) {
        return new FlvTag(type, newTimestamp, body.retainedDuplicate());
    }

    @Override
    protected void deallocate() {
        body.release();
    }

    @Override
    public FlvTag retain() {
        super.retain();
        return this;
    }

    @Override
    public ReferenceCounted touch(Object hint) {
        body.touch(hint);
        return this;
    }

    @Override
    public String toString() {
        return "FlvTag[" + (type == VIDEO ? "video" : type == AUDIO ? "audio" : "script") + " t=" + timestamp
                + " " + size() + "B" + (keyframe ? " key" : "") + (sequenceHeader ? " seqhdr" : "") + "]";
    }
}
