package dev.marquee.media.hls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MediaPlaylistTest {
    @Test
    void liveWindowWithADiscontinuity() {
        List<HlsSegment> segments = List.of(segment(7, 2002, false), segment(8, 1968, true), segment(9, 40, false));
        assertThat(MediaPlaylist.render(segments, 7, 2, 1, false)).isEqualTo("""
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-TARGETDURATION:2
                #EXT-X-MEDIA-SEQUENCE:7
                #EXT-X-DISCONTINUITY-SEQUENCE:1
                #EXTINF:2.002,
                seg-7.ts
                #EXT-X-DISCONTINUITY
                #EXTINF:1.968,
                seg-8.ts
                #EXTINF:0.040,
                seg-9.ts
                """);
    }

    @Test
    void endedPlaylistClosesWithEndList() {
        assertThat(MediaPlaylist.render(List.of(segment(0, 12_345, false)), 0, 13, 0, true))
                .isEqualTo("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:13\n#EXT-X-MEDIA-SEQUENCE:0\n"
                        + "#EXTINF:12.345,\nseg-0.ts\n#EXT-X-ENDLIST\n");
    }

    static HlsSegment segment(long sequence, long millis, boolean discontinuity) {
        return new HlsSegment(sequence, millis, discontinuity, new byte[188]);
    }
}
