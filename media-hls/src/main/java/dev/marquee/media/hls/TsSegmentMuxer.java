package dev.marquee.media.hls;

import dev.marquee.media.hls.ts.TsMuxer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** MPEG-TS segments: H.264 as Annex B access units, AAC as ADTS packed a few frames per PES. */
final class TsSegmentMuxer implements SegmentMuxer {
    private final VideoFormat video;
    private final AudioFormat audio;
    private final TsMuxer muxer;
    private final ByteBuf accessUnit = Unpooled.buffer(64 * 1024);
    private final AudioPacker audioPacker = new AudioPacker();

    TsSegmentMuxer(VideoFormat video, AudioFormat audio, int psiVersion) {
        this.video = video;
        this.audio = audio;
        this.muxer = new TsMuxer(video == null ? null : video.streamType(), audio == null ? null : audio.streamType(), psiVersion);
    }

    @Override
    public void open(ByteBuf out) {
        audioPacker.clear();
        muxer.writeTables(out);
    }

    @Override
    public boolean prepareVideo(ByteBuf payload, boolean keyframe) {
        accessUnit.clear();
        return video.annexB().write(payload, accessUnit, keyframe);
    }

    @Override
    public void writeVideo(long ptsMillis, long dtsMillis, boolean keyframe, ByteBuf out) {
        muxer.writeVideo(out, accessUnit, ptsMillis * 90, dtsMillis * 90, keyframe);
    }

    @Override
    public void writeAudio(ByteBuf body, int offset, int length, long ptsMillis, ByteBuf out) {
        audioPacker.add(audio, body, offset, length, ptsMillis * 90, muxer, out);
    }

    @Override
    public void complete(ByteBuf out, long sequence, long endMillis) {
        audioPacker.flush(muxer, out);
    }

    @Override
    public void discard() {
        audioPacker.clear();
    }

    @Override
    public int pendingBytes() {
        return 0;
    }

    @Override
    public byte[] initSegment() {
        return null;
    }

    @Override
    public void release() {
        accessUnit.release();
        audioPacker.release();
    }
}
