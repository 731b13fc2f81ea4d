package dev.marquee.media.hls;

import dev.marquee.media.core.codec.AudioCodec;
import dev.marquee.media.core.codec.CodecConfigurationException;
import dev.marquee.media.core.codec.VideoCodec;
import dev.marquee.media.core.flv.FlvTag;
import dev.marquee.media.core.flv.StreamMetadata;
import dev.marquee.media.hls.ts.AdtsHeader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Optional;

/**
 * Live HLS for one stream: remuxes its FLV frames without transcoding — H.264 and AAC into MPEG-TS segments,
 * HEVC or AV1 (and AAC) into fragmented MP4, which is how browsers play those — cutting at the first keyframe
 * at least the target duration after a segment's start, and keeps the newest segments and their media
 * playlist in memory.
 *
 * <p>{@link #onFrame} and {@link #onEnd} are called from the stream's event loop only. {@link #playlist} and
 * {@link #segment} may be called from any thread: they read an immutable snapshot.
 *
 * <p>A change of decoder configuration (a republish with other encoder settings, a track that appears) and a
 * jump in the timeline close the segment being written; the next one is marked as a discontinuity.
 */
public final class LiveHlsSegmenter {
    private static final int PSI_VERSIONS = 32;
    private static final long MAX_BACKWARD_MILLIS = 500;
    private static final long MIN_FORWARD_GAP_MILLIS = 10_000;
    private static final int INITIAL_SEGMENT_CAPACITY = 256 * 1024;

    private final HlsSettings settings;
    private final long targetMillis;
    private final long maxGapMillis;
    private final SegmentWindow window;
    private VideoFormat video;
    private AudioFormat audio;
    private boolean awaitingVideo;
    private boolean awaitingAudio;
    private long waitingSince = -1;
    private int width;
    private int height;
    private SegmentMuxer muxer;
    private int programVersion;
    private OpenSegment segment;
    private int lastSegmentSize = INITIAL_SEGMENT_CAPACITY;
    /** What the open segment is written into, kept from one segment to the next: a closed one is copied out exactly. */
    private ByteBuf segmentBuffer;
    private boolean discontinuityPending;
    private boolean ended;
    private long droppedFrames;

    public LiveHlsSegmenter() {
        this(HlsSettings.DEFAULTS);
    }

    public LiveHlsSegmenter(HlsSettings settings) {
        this.settings = settings;
        this.targetMillis = settings.targetDuration().toMillis();
        this.maxGapMillis = Math.max(MIN_FORWARD_GAP_MILLIS, 5 * targetMillis);
        this.window = new SegmentWindow(settings.playlistSize(), targetMillis);
    }

    /** Takes one frame of the stream; takes ownership of {@code tag} and releases it. Event loop only. */
    public void onFrame(FlvTag tag) {
        try {
            if (ended) return;
            if (tag.isScript()) onScript(tag.body());
            else if (tag.isVideo()) onVideo(tag);
            else if (tag.isAudio()) onAudio(tag);
        } catch (CodecConfigurationException e) {
            droppedFrames++; // a malformed sequence header costs that header, never the stream
        } finally {
            tag.release();
        }
    }

    /** The stream is over: the last segment is finished and the playlist gets {@code #EXT-X-ENDLIST}. Event loop only. */
    public void onEnd() {
        if (ended) return;
        finishSegment();
        window.end();
        ended = true;
        if (muxer != null) muxer.release();
        releaseSegmentBuffer();
    }

    private void releaseSegmentBuffer() {
        if (segmentBuffer == null) return;
        segmentBuffer.release();
        segmentBuffer = null;
    }

    /** The media playlist as it stands (no segments yet is a valid, empty live playlist). Any thread. */
    public String playlist() {
        return window.snapshot().playlist();
    }

    /** The finished segment with this media sequence number, while it is kept. Any thread. */
    public Optional<HlsSegment> segment(long sequence) {
        return Optional.ofNullable(window.snapshot().segment(sequence));
    }

    /** The init segment {@code init-{version}.mp4} fragments name, while a kept one needs it. Any thread. */
    public Optional<ByteBuf> initSegment(int version) {
        return window.snapshot().kept().stream().filter(s -> s.initVersion() == version).findFirst()
                .map(HlsSegment::initContent);
    }

    /** The media sequence number of the newest finished segment, or -1 before the first. Any thread. */
    public long newestSequence() {
        List<HlsSegment> kept = window.snapshot().kept();
        return kept.isEmpty() ? -1 : kept.getLast().sequence();
    }

    /** Whether at least one segment is finished, i.e. the playlist is worth handing to a player. Any thread. */
    public boolean hasSegments() {
        return !window.snapshot().kept().isEmpty();
    }

    /** Whether {@link #onEnd} has been called. Any thread. */
    public boolean isEnded() {
        return window.snapshot().ended();
    }

    public HlsSettings settings() {
        return settings;
    }

    /** Frames that could not be packaged (malformed, or of a codec the stream was not configured for). Event loop only. */
    long droppedFrames() {
        return droppedFrames;
    }

    private void onScript(ByteBuf body) {
        StreamMetadata metadata = StreamMetadata.parse(body);
        if (metadata == null) return;
        width = metadata.width();
        height = metadata.height();
        awaitingVideo = metadata.video() && video == null;
        awaitingAudio = metadata.audio() && audio == null;
    }

    private void onVideo(FlvTag tag) {
        ByteBuf body = tag.body();
        if (tag.isSequenceHeader()) {
            onVideoFormat(VideoFormat.fromSequenceHeader(body));
            return;
        }
        CodedPayload payload = CodedPayload.ofVideo(body);
        if (payload == null) return; // end of sequence, command or metadata: nothing to show
        if (video == null || VideoCodec.detect(body).orElse(null) != video.codec()) {
            droppedFrames++;
            return;
        }
        boolean keyframe = tag.isKeyframe();
        ByteBuf coded = body.slice(body.readerIndex() + payload.offset(), body.readableBytes() - payload.offset());
        if (muxer == null) startProgram();
        if (!muxer.prepareVideo(coded, keyframe)) {
            droppedFrames++;
            return;
        }
        long dts = tag.timestamp();
        if (!placeOnClock(dts, keyframe)) return;
        long pts = dts + Math.max(0, payload.compositionTime()); // a picture is never shown before it is decoded
        muxer.writeVideo(pts, dts, keyframe, segment.bytes());
        segment.tick(dts);
        enforceSizeLimit();
    }

    private void onAudio(FlvTag tag) {
        ByteBuf body = tag.body();
        if (tag.isSequenceHeader()) {
            onAudioFormat(AudioFormat.fromSequenceHeader(body));
            return;
        }
        if (audio == null || AudioCodec.detect(body).orElse(null) != AudioCodec.AAC) {
            droppedFrames++;
            return;
        }
        CodedPayload payload = CodedPayload.ofAudio(body);
        if (payload == null) return;
        int length = body.readableBytes() - payload.offset();
        if (length <= 0 || length > AdtsHeader.MAX_FRAME_SIZE - AdtsHeader.SIZE) {
            droppedFrames++;
            return;
        }
        long pts = tag.timestamp();
        if (video == null) {
            if (!placeOnClock(pts, true)) return;
        } else if (segment == null) {
            return; // audio waits for the video keyframe that opens a segment
        }
        muxer.writeAudio(body, payload.offset(), length, pts, segment.bytes());
        if (video == null) segment.tick(pts);
        enforceSizeLimit();
    }

    /**
     * Finds the segment a frame of the clock track at {@code millis} goes into, cutting or opening one at a
     * start point; false when the frame has no segment to go into yet.
     */
    private boolean placeOnClock(long millis, boolean startPoint) {
        if (segment != null && (millis < segment.lastMillis() - MAX_BACKWARD_MILLIS || millis > segment.lastMillis() + maxGapMillis)) {
            finishSegment(); // the publisher restarted its clock or stalled: durations across the jump would lie
            discontinuityPending = true;
        }
        if (segment == null) {
            if (!startPoint || !announcedTracksArrived(millis)) return false;
            openSegment(millis);
        } else if (startPoint && millis - segment.startMillis() >= targetMillis) {
            window.add(completeSegment(millis));
            openSegment(millis);
        }
        return true;
    }

    /** Whether the tracks onMetaData announced have their sequence headers, or have been waited for long enough. */
    private boolean announcedTracksArrived(long millis) {
        if (!(awaitingVideo && video == null) && !(awaitingAudio && audio == null)) return true;
        if (waitingSince < 0) waitingSince = millis;
        if (millis - waitingSince < targetMillis) return false;
        awaitingVideo = false; // announced but never configured: go on without it
        awaitingAudio = false;
        return true;
    }

    /** The tracks are known: H.264 (or no video) goes out as MPEG-TS, HEVC and AV1 as fragmented MP4. */
    private void startProgram() {
        programVersion++;
        muxer = video == null || video.inTransportStream()
                ? new TsSegmentMuxer(video, audio, programVersion % PSI_VERSIONS)
                : new Fmp4SegmentMuxer(video, audio, width, height);
    }

    private void openSegment(long millis) {
        if (muxer == null) startProgram();
        if (segmentBuffer == null) segmentBuffer = Unpooled.buffer(lastSegmentSize + lastSegmentSize / 4);
        segment = new OpenSegment(discontinuityPending, millis, segmentBuffer.clear());
        discontinuityPending = false;
        waitingSince = -1;
        muxer.open(segment.bytes());
    }

    /** Closes the open segment where nothing follows it (end, configuration change, timeline jump). */
    private void finishSegment() {
        if (segment == null) return;
        window.add(completeSegment(segment.endAtLastFrame()));
        segment = null;
    }

    /** Writes what is still gathered into the open segment and closes it at {@code endMillis}. */
    private HlsSegment completeSegment(long endMillis) {
        long sequence = window.nextSequence();
        muxer.complete(segment.bytes(), sequence, endMillis);
        lastSegmentSize = Math.max(INITIAL_SEGMENT_CAPACITY, segment.size());
        return segment.close(sequence, endMillis, programVersion, muxer.initSegment());
    }

    /** A stream that never sends a keyframe must not grow one segment without bound: that segment is dropped. */
    private void enforceSizeLimit() {
        if (segment.size() + muxer.pendingBytes() <= settings.maxSegmentBytes()) return;
        segment = null;
        releaseSegmentBuffer(); // it grew to the limit: the next segment starts from a buffer of the usual size
        muxer.discard();
        discontinuityPending = true;
    }

    private void onVideoFormat(VideoFormat format) {
        awaitingVideo = false; // a header arrived; if TS cannot carry its codec, there is nothing left to wait for
        if (format == null ? video == null : format.sameAs(video)) return;
        video = format;
        programChanged();
    }

    private void onAudioFormat(AudioFormat format) {
        awaitingAudio = false;
        if (format == null ? audio == null : format.sameAs(audio)) return;
        audio = format;
        programChanged();
    }

    /** The set of streams or a decoder configuration changed: what follows starts a new segment, after a discontinuity. */
    private void programChanged() {
        boolean started = segment != null || window.nextSequence() > 0;
        finishSegment();
        if (muxer != null) muxer.release();
        muxer = null;
        if (started) discontinuityPending = true;
    }
}
