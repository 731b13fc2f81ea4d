package dev.marquee.media.hls.ts;

/** Elementary streams this muxer can carry: the PMT stream_type and the PES stream_id of each. */
public enum TsStreamType {
    H264(0x1B, 0xE0),
    HEVC(0x24, 0xE0),
    AAC_ADTS(0x0F, 0xC0);

    private final int streamType;
    private final int pesStreamId;

    TsStreamType(int streamType, int pesStreamId) {
        this.streamType = streamType;
        this.pesStreamId = pesStreamId;
    }

    /** The PMT stream_type (ISO/IEC 13818-1 Table 2-34). */
    public int streamType() {
        return streamType;
    }

    /** The PES stream_id: the first video or the first audio stream. */
    public int pesStreamId() {
        return pesStreamId;
    }

    public boolean isVideo() {
        return pesStreamId == 0xE0;
    }
}
