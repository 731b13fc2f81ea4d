package dev.marquee.media.hls.ts;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * A single-program transport stream with at most one video and one audio stream. Not thread-safe: one
 * muxer belongs to one stream's event loop. Timestamps are in 90 kHz units and wrap at 33 bits.
 */
public final class TsMuxer {
    public static final int PMT_PID = 0x1000;
    public static final int VIDEO_PID = 0x100;
    public static final int AUDIO_PID = 0x101;
    /** PCR runs this far behind the video DTS, so audio packed after a video frame is never already late. */
    static final long PCR_LEAD = 300 * 90;

    private final TsStreamType video;
    private final TsStreamType audio;
    private final byte[] pat;
    private final byte[] pmt;
    private final TsPacketWriter patWriter = new TsPacketWriter(0);
    private final TsPacketWriter pmtWriter = new TsPacketWriter(PMT_PID);
    private final TsPacketWriter videoWriter = new TsPacketWriter(VIDEO_PID);
    private final TsPacketWriter audioWriter = new TsPacketWriter(AUDIO_PID);
    private final ByteBuf header = Unpooled.buffer(PesHeader.MAX_SIZE, PesHeader.MAX_SIZE);

    /**
     * @param video   the video stream type, or null for audio only
     * @param audio   the audio stream type, or null for video only
     * @param version the PSI version_number (0…31), changed whenever the stream set changes
     */
    public TsMuxer(TsStreamType video, TsStreamType audio, int version) {
        if (video == null && audio == null) throw new IllegalArgumentException("a program needs at least one stream");
        if (video != null && !video.isVideo()) throw new IllegalArgumentException(video + " is not video");
        if (audio != null && audio.isVideo()) throw new IllegalArgumentException(audio + " is not audio");
        this.video = video;
        this.audio = audio;
        List<ProgramTables.ElementaryStream> streams = new ArrayList<>(2);
        if (video != null) streams.add(new ProgramTables.ElementaryStream(video, VIDEO_PID));
        if (audio != null) streams.add(new ProgramTables.ElementaryStream(audio, AUDIO_PID));
        this.pat = ProgramTables.pat(PMT_PID, version);
        this.pmt = ProgramTables.pmt(video != null ? VIDEO_PID : AUDIO_PID, streams, version);
    }

    /** PAT then PMT: what every segment starts with so it can be decoded on its own. */
    public void writeTables(ByteBuf out) {
        patWriter.writeSection(out, pat);
        pmtWriter.writeSection(out, pmt);
    }

    /** One video access unit (Annex B bytes, readable part of {@code accessUnit}; indexes do not move). */
    public void writeVideo(ByteBuf out, ByteBuf accessUnit, long pts, long dts, boolean randomAccess) {
        if (video == null) throw new IllegalStateException("program has no video stream");
        header.clear();
        PesHeader.write(header, video.pesStreamId(), accessUnit.readableBytes(), pts, dts);
        videoWriter.writePes(out, header, accessUnit, pcrFor(dts), randomAccess);
    }

    /** One or more ADTS frames starting at {@code pts} (readable part of {@code adtsFrames}; indexes do not move). */
    public void writeAudio(ByteBuf out, ByteBuf adtsFrames, long pts) {
        if (audio == null) throw new IllegalStateException("program has no audio stream");
        header.clear();
        PesHeader.write(header, audio.pesStreamId(), adtsFrames.readableBytes(), pts, pts);
        // Every AAC frame can be decoded on its own, so each audio PES is a random access point.
        audioWriter.writePes(out, header, adtsFrames, video == null ? pcrFor(pts) : -1, true);
    }

    private static long pcrFor(long dts) {
        long masked = dts & PesHeader.TIMESTAMP_MASK;
        return masked >= PCR_LEAD ? masked - PCR_LEAD : 0;
    }
}
