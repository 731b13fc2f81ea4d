package dev.marquee.platform.transcode.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.platform.transcode.LadderPlan;
import dev.marquee.platform.transcode.Rendition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterPlaylistTest {

    @TempDir
    Path dir;

    @Test
    void announcesEveryVariantWithBandwidthResolutionAndCodecs() {
        String master = MasterPlaylist.render(List.of(
                new Rendition(1280, 720, 3_000_000, 2_500_000, "avc1.64001f,mp4a.40.2", "v0/index.m3u8"),
                new Rendition(640, 360, 900_000, 800_000, "avc1.64001e,mp4a.40.2", "v1/index.m3u8")),
                new LadderPlan.FrameRate(30000, 1001));

        assertThat(master).isEqualTo("""
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-STREAM-INF:BANDWIDTH=3000000,AVERAGE-BANDWIDTH=2500000,RESOLUTION=1280x720,FRAME-RATE=29.970,\
                CODECS="avc1.64001f,mp4a.40.2"
                v0/index.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=900000,AVERAGE-BANDWIDTH=800000,RESOLUTION=640x360,FRAME-RATE=29.970,\
                CODECS="avc1.64001e,mp4a.40.2"
                v1/index.m3u8
                """);
    }

    @Test
    void listsTheHighestRungUpTo720pFirst() {
        List<Rendition> ladder = List.of(new Rendition(1920, 1080, 6, 5, "c", "v0/index.m3u8"),
                new Rendition(1280, 720, 3, 2, "c", "v1/index.m3u8"), new Rendition(640, 360, 1, 1, "c", "v2/index.m3u8"));

        assertThat(MasterPlaylist.startFirst(ladder)).extracting(Rendition::playlist)
                .containsExactly("v1/index.m3u8", "v0/index.m3u8", "v2/index.m3u8");
        assertThat(MasterPlaylist.startFirst(List.of(ladder.get(0)))).containsExactly(ladder.get(0));
        assertThat(MasterPlaylist.startFirst(List.of(new Rendition(1080, 1920, 6, 5, "c", "p0"),
                new Rendition(720, 1280, 3, 2, "c", "p1")))).extracting(Rendition::playlist).containsExactly("p1", "p0");
    }

    @Test
    void readsAVariantPlaylistAndMeasuresPeakAndAverageRates() throws Exception {
        Path playlist = dir.resolve("index.m3u8");
        Files.writeString(playlist, """
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-TARGETDURATION:4
                #EXT-X-PLAYLIST-TYPE:VOD
                #EXT-X-MAP:URI="init_0.mp4"
                #EXTINF:4.000000,
                seg-0.m4s
                #EXTINF:2.000000,
                seg-1.m4s
                #EXT-X-ENDLIST
                """);
        Files.write(dir.resolve("seg-0.m4s"), new byte[100_000]);
        Files.write(dir.resolve("seg-1.m4s"), new byte[80_000]);

        VariantPlaylist variant = VariantPlaylist.read(playlist);

        assertThat(variant.init()).isEqualTo("init_0.mp4");
        assertThat(variant.complete()).isTrue();
        assertThat(variant.segments()).containsExactly(new VariantPlaylist.Segment("seg-0.m4s", 4.0),
                new VariantPlaylist.Segment("seg-1.m4s", 2.0));
        assertThat(variant.durationSeconds()).isEqualTo(6.0);
        assertThat(variant.bitRates(dir)).containsExactly(320_000, 240_000);
    }

    @Test
    void readsProfileAndLevelFromTheAvcConfiguration() throws Exception {
        Path init = dir.resolve("init.mp4");
        byte[] box = {0, 0, 0, 40, 'a', 'v', 'c', 'C', 1, 0x64, 0x00, 0x1f, (byte) 0xff};
        byte[] file = new byte[64 + box.length];
        System.arraycopy(box, 0, file, 64, box.length);
        Files.write(init, file);
        Files.write(dir.resolve("none.mp4"), new byte[64]);

        assertThat(AvcCodecString.read(init)).isEqualTo("avc1.64001f");
        assertThat(AvcCodecString.read(dir.resolve("none.mp4"))).isNull();
    }
}
