package dev.marquee.media.hls.fmp4;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;

/**
 * The init segment ({@code ftyp} + {@code moov}) of a fragmented MP4: one track per stream, no samples (they
 * come in fragments), {@code mvex} saying so. ISO/IEC 14496-12, -15 (avcC, hvcC), AV1-ISOBMFF (av1C), -14 (esds).
 */
public final class InitSegment {
    private static final String[] BRANDS = {"iso6", "cmfc", "iso5", "mp41"};

    private InitSegment() {}

    public static byte[] write(List<Fmp4Track> tracks) {
        ByteBuf buf = Unpooled.buffer(1024);
        Mp4Writer w = new Mp4Writer(buf);
        w.box("ftyp").ascii("iso6").u32(0);
        for (String brand : BRANDS) w.ascii(brand);
        w.end();
        w.box("moov");
        w.fullBox("mvhd", 0, 0).u32(0).u32(0).u32(1000).u32(0).u32(0x00010000).u16(0x0100).zeros(10).unityMatrix()
                .zeros(24).u32(tracks.stream().mapToInt(Fmp4Track::id).max().orElse(0) + 1).end();
        for (Fmp4Track track : tracks) trak(w, track);
        w.box("mvex");
        for (Fmp4Track track : tracks) w.fullBox("trex", 0, 0).u32(track.id()).u32(1).u32(0).u32(0).u32(0).end();
        w.end();
        w.end();
        byte[] bytes = ByteBufUtil.getBytes(buf);
        buf.release();
        return bytes;
    }

    private static void trak(Mp4Writer w, Fmp4Track t) {
        boolean video = t.isVideo();
        w.box("trak");
        w.fullBox("tkhd", 0, 0x000007).u32(0).u32(0).u32(t.id()).u32(0).u32(0).zeros(8).u16(0).u16(0)
                .u16(video ? 0 : 0x0100).u16(0).unityMatrix().u32((long) t.width() << 16).u32((long) t.height() << 16).end();
        w.box("mdia");
        w.fullBox("mdhd", 0, 0).u32(0).u32(0).u32(t.timescale()).u32(0).u16(0x55C4).u16(0).end(); // language "und"
        w.fullBox("hdlr", 0, 0).u32(0).ascii(video ? "vide" : "soun").zeros(12)
                .ascii(video ? "VideoHandler" : "SoundHandler").u8(0).end();
        w.box("minf");
        if (video) w.fullBox("vmhd", 0, 1).zeros(8).end();
        else w.fullBox("smhd", 0, 0).zeros(4).end();
        w.box("dinf").fullBox("dref", 0, 0).u32(1).fullBox("url ", 0, 1).end().end().end();
        w.box("stbl");
        w.fullBox("stsd", 0, 0).u32(1);
        if (video) visualSampleEntry(w, t);
        else audioSampleEntry(w, t);
        w.end();
        w.fullBox("stts", 0, 0).u32(0).end();
        w.fullBox("stsc", 0, 0).u32(0).end();
        w.fullBox("stsz", 0, 0).u32(0).u32(0).end();
        w.fullBox("stco", 0, 0).u32(0).end();
        w.end(); // stbl
        w.end(); // minf
        w.end(); // mdia
        w.end(); // trak
    }

    private static void visualSampleEntry(Mp4Writer w, Fmp4Track t) {
        w.box(t.sampleEntry()).zeros(6).u16(1) // reserved, data_reference_index
                .u16(0).u16(0).zeros(12).u16(t.width()).u16(t.height())
                .u32(0x00480000).u32(0x00480000).u32(0).u16(1).zeros(32).u16(0x0018).u16(0xFFFF);
        w.box(t.configBox()).bytes(t.record()).end();
        w.end();
    }

    private static void audioSampleEntry(Mp4Writer w, Fmp4Track t) {
        w.box("mp4a").zeros(6).u16(1).zeros(8).u16(t.channels()).u16(16).u16(0).u16(0)
                .u32((long) Math.min(t.sampleRate(), 0xFFFF) << 16);
        byte[] asc = t.record();
        w.fullBox("esds", 0, 0);
        // ES_Descriptor { ES_ID, flags, DecoderConfigDescriptor { AAC, audio stream, DecoderSpecificInfo }, SLConfig }
        int decoderSpecific = 2 + asc.length;
        int decoderConfig = 2 + 13 + decoderSpecific;
        int es = 2 + 3 + decoderConfig + 3;
        w.u8(0x03).u8(es - 2).u16(t.id()).u8(0);
        w.u8(0x04).u8(decoderConfig - 2).u8(0x40).u8(0x15).zeros(3).u32(0).u32(0);
        w.u8(0x05).u8(asc.length).bytes(asc);
        w.u8(0x06).u8(1).u8(0x02);
        w.end();
        w.end();
    }
}
