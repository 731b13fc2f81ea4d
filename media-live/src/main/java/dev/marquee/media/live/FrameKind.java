package dev.marquee.media.live;

import dev.marquee.media.core.flv.FlvTag;

/** What a frame means to a viewer who joins or skips: a header to replay, a place to start, or neither. */
enum FrameKind {
    METADATA(0),
    VIDEO_HEADER(1),
    AUDIO_HEADER(2),
    /** A video keyframe, or any audio frame of a stream without video: a viewer may start here. */
    SYNC_POINT(-1),
    FRAME(-1);

    /** Header kinds in the order a starting viewer receives them. */
    static final FrameKind[] HEADERS = {METADATA, VIDEO_HEADER, AUDIO_HEADER};

    /** Index into per-header arrays, or -1 for non-headers. */
    final int headerSlot;

    FrameKind(int headerSlot) {
        this.headerSlot = headerSlot;
    }

    boolean isHeader() {
        return headerSlot >= 0;
    }

    static FrameKind of(FlvTag tag, boolean streamHasVideo) {
        if (tag.isScript()) return ScriptTags.isOnMetaData(tag.body()) ? METADATA : FRAME;
        if (tag.isSequenceHeader()) return tag.isVideo() ? VIDEO_HEADER : AUDIO_HEADER;
        if (tag.isKeyframe() || (tag.isAudio() && !streamHasVideo)) return SYNC_POINT;
        return FRAME;
    }
}
