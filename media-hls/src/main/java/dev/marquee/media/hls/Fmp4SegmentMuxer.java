package dev.marquee.media.hls;

import dev.marquee.media.hls.fmp4.Fmp4Track;
import dev.marquee.media.hls.fmp4.Fragment;
import dev.marquee.media.hls.fmp4.InitSegment;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Fragmented-MP4 segments (HEVC, AV1): samples go in as FLV carries them (length-prefixed NAL units, OBUs, raw
 * AAC), gathered until the segment completes, then written as one moof + mdat. Video runs on a 90 kHz clock;
 * audio on its sample rate, 1024 samples a frame, re-anchored to the FLV time only when it really jumps.
 */
final class Fmp4SegmentMuxer implements SegmentMuxer {
    private static final int AAC_FRAME = 1024;

    private final byte[] init;
    private final Fragment fragment;
    private final int videoTrack;
    private final int audioTrack;
    private final int sampleRate;
    private final long audioJitter;
    private ByteBuf prepared;
    private long nextAudioDts = -1;

    Fmp4SegmentMuxer(VideoFormat video, AudioFormat audio, int width, int height) {
        List<Fmp4Track> tracks = new ArrayList<>();
        if (video != null) tracks.add(Fmp4Track.video(1, video.sampleEntry(), video.record(), width, height));
        if (audio != null) tracks.add(Fmp4Track.aac(2, audio.record(), audio.channels(), audio.sampleRate()));
        this.videoTrack = video == null ? -1 : 0;
        this.audioTrack = audio == null ? -1 : tracks.size() - 1;
        this.sampleRate = audio == null ? 0 : audio.sampleRate();
        this.audioJitter = sampleRate * 3L / 1000; // FLV milliseconds put a frame a millisecond or so off its place
        this.init = InitSegment.write(tracks);
        this.fragment = new Fragment(tracks);
    }

    @Override
    public void open(ByteBuf out) {
        fragment.clear();
    }

    @Override
    public boolean prepareVideo(ByteBuf payload, boolean keyframe) {
        prepared = payload;
        return payload.isReadable();
    }

    @Override
    public void writeVideo(long ptsMillis, long dtsMillis, boolean keyframe, ByteBuf out) {
        fragment.add(videoTrack, prepared, dtsMillis * 90, (int) ((ptsMillis - dtsMillis) * 90), keyframe);
        prepared = null;
    }

    @Override
    public void writeAudio(ByteBuf body, int offset, int length, long ptsMillis, ByteBuf out) {
        long fromFlv = ptsMillis * sampleRate / 1000;
        long dts = nextAudioDts >= 0 && Math.abs(fromFlv - nextAudioDts) <= audioJitter ? nextAudioDts : fromFlv;
        fragment.add(audioTrack, body.slice(body.readerIndex() + offset, length), dts, 0, true);
        nextAudioDts = dts + AAC_FRAME;
    }

    @Override
    public void complete(ByteBuf out, long sequence, long endMillis) {
        if (fragment.isEmpty()) return;
        long[] ends = new long[(videoTrack >= 0 ? 1 : 0) + (audioTrack >= 0 ? 1 : 0)];
        if (videoTrack >= 0) ends[videoTrack] = endMillis < 0 ? -1 : endMillis * 90;
        if (audioTrack >= 0) ends[audioTrack] = nextAudioDts;
        out.writeBytes(fragment.build(sequence + 1, ends)); // mfhd sequence numbers start at 1
    }

    @Override
    public void discard() {
        fragment.clear();
    }

    @Override
    public int pendingBytes() {
        return fragment.pendingBytes();
    }

    @Override
    public byte[] initSegment() {
        return init;
    }

    @Override
    public void release() {
        fragment.release();
    }
}
