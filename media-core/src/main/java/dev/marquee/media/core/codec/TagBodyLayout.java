package dev.marquee.media.core.codec;

import io.netty.buffer.ByteBuf;

/**
 * Where the codec payload of an FLV audio or video tag body sits, for legacy tags and Enhanced RTMP tags
 * (including v2 ModEx prefixes and multitrack, of which the first track is taken).
 *
 * @param packetType   0 sequence start, 1 coded frames, … (legacy tags map AVC/AAC packet types the same way);
 *                     {@link #COMMAND} for a video command frame, which carries no payload
 * @param fourCc       the Enhanced RTMP FourCC, or null for a legacy tag
 * @param legacyId     the legacy CodecID / SoundFormat, or -1 for an enhanced tag
 * @param payloadOffset offset of the payload from the body's reader index
 * @param payloadLength length of the payload
 */
record TagBodyLayout(int packetType, String fourCc, int legacyId, int payloadOffset, int payloadLength) {
    static final int SEQUENCE_START = 0;
    static final int CODED_FRAMES = 1;
    static final int COMMAND = -1;
    private static final int LEGACY_AVC = 7;
    private static final int LEGACY_HEVC = 12;
    private static final int LEGACY_AAC = 10;
    private static final int EX_AUDIO = 9;
    private static final int FRAME_COMMAND = 5;
    private static final int VIDEO_METADATA = 4;
    private static final int VIDEO_MULTITRACK = 6;
    private static final int AUDIO_MULTITRACK = 5;
    private static final int MOD_EX = 7;
    private static final int ONE_TRACK = 0;
    private static final int MANY_TRACKS_MANY_CODECS = 2;

    static TagBodyLayout ofVideo(ByteBuf body) {
        RecordReader r = new RecordReader(body);
        int b0 = r.u8();
        int frameType = (b0 >> 4) & 0x07;
        if ((b0 & 0x80) == 0) {
            int codecId = b0 & 0x0F;
            if (frameType == FRAME_COMMAND) return new TagBodyLayout(COMMAND, null, codecId, 1, 0);
            if (codecId != LEGACY_AVC && codecId != LEGACY_HEVC) return rest(r, CODED_FRAMES, null, codecId);
            int packetType = r.u8();
            r.skip(3); // CompositionTime
            return rest(r, packetType, null, codecId);
        }
        int packetType = skipModEx(r, b0 & 0x0F);
        if (packetType != VIDEO_METADATA && frameType == FRAME_COMMAND) return new TagBodyLayout(COMMAND, null, -1, 1, 0);
        if (packetType == VIDEO_MULTITRACK) return firstTrack(r, VIDEO_MULTITRACK);
        String fourCc = r.fourCc();
        skipCompositionTime(r, packetType, fourCc);
        return rest(r, packetType, fourCc, -1);
    }

    static TagBodyLayout ofAudio(ByteBuf body) {
        RecordReader r = new RecordReader(body);
        int b0 = r.u8();
        int format = b0 >> 4;
        if (format != EX_AUDIO) {
            int packetType = format == LEGACY_AAC ? r.u8() : CODED_FRAMES;
            return rest(r, packetType, null, format);
        }
        int packetType = skipModEx(r, b0 & 0x0F);
        if (packetType == AUDIO_MULTITRACK) return firstTrack(r, AUDIO_MULTITRACK);
        return rest(r, packetType, r.fourCc(), -1);
    }

    private static TagBodyLayout firstTrack(RecordReader r, int multitrackPacketType) {
        int b = r.u8();
        int multitrackType = b >> 4;
        int packetType = b & 0x0F;
        if (multitrackType > MANY_TRACKS_MANY_CODECS) throw new CodecConfigurationException("reserved multitrack type " + multitrackType);
        if (packetType == multitrackPacketType) throw new CodecConfigurationException("nested multitrack packet");
        String fourCc = r.fourCc(); // shared FourCC, or the first track's for ManyTracksManyCodecs: same place
        r.u8(); // track id
        int trackSize = multitrackType == ONE_TRACK ? -1 : r.u24();
        int start = r.position();
        if (multitrackPacketType == VIDEO_MULTITRACK) skipCompositionTime(r, packetType, fourCc);
        int length = trackSize < 0 ? r.remaining() : trackSize - (r.position() - start);
        if (length < 0 || length > r.remaining()) throw new CodecConfigurationException("track size " + trackSize + " exceeds tag");
        return new TagBodyLayout(packetType, fourCc, -1, r.position(), length);
    }

    /** Enhanced RTMP v2 ModEx: size-prefixed modifier blocks before the real packet type. */
    private static int skipModEx(RecordReader r, int packetType) {
        while (packetType == MOD_EX) { // each round consumes at least two bytes, so it ends with the input
            int size = r.u8() + 1;
            if (size == 256) size = r.u16() + 1;
            r.skip(size);
            packetType = r.u8() & 0x0F;
        }
        return packetType;
    }

    private static void skipCompositionTime(RecordReader r, int packetType, String fourCc) {
        if (packetType == CODED_FRAMES && (FourCc.AVC.equals(fourCc) || FourCc.HEVC.equals(fourCc))) r.skip(3);
    }

    private static TagBodyLayout rest(RecordReader r, int packetType, String fourCc, int legacyId) {
        return new TagBodyLayout(packetType, fourCc, legacyId, r.position(), r.remaining());
    }

    /** The decoder configuration of a video sequence-start tag of {@code codec}, as a slice of {@code body}. */
    static ByteBuf videoSequenceStart(ByteBuf body, VideoCodec codec) {
        TagBodyLayout layout = ofVideo(body);
        VideoCodec actual = (layout.fourCc != null ? VideoCodec.fromFourCc(layout.fourCc)
                : VideoCodec.fromLegacyCodecId(layout.legacyId)).orElse(null);
        if (actual != codec) throw new CodecConfigurationException("not a " + codec + " video tag");
        if (layout.packetType != SEQUENCE_START) throw new CodecConfigurationException("not a sequence header");
        return layout.payload(body);
    }

    /** The decoder configuration of an audio sequence-start tag of {@code codec}, as a slice of {@code body}. */
    static ByteBuf audioSequenceStart(ByteBuf body, AudioCodec codec) {
        TagBodyLayout layout = ofAudio(body);
        AudioCodec actual = (layout.fourCc != null ? AudioCodec.fromFourCc(layout.fourCc)
                : AudioCodec.fromLegacySoundFormat(layout.legacyId)).orElse(null);
        if (actual != codec) throw new CodecConfigurationException("not a " + codec + " audio tag");
        if (layout.packetType != SEQUENCE_START) throw new CodecConfigurationException("not a sequence header");
        return layout.payload(body);
    }

    /** The payload as a slice of {@code body} (shares memory, no retain). */
    ByteBuf payload(ByteBuf body) {
        return body.slice(body.readerIndex() + payloadOffset, payloadLength);
    }
}
