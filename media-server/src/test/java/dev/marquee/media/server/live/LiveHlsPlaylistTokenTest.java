package dev.marquee.media.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveHlsPlaylistTokenTest {
    private static final String PLAYLIST = """
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-TARGETDURATION:2
            #EXT-X-MEDIA-SEQUENCE:7
            #EXTINF:2.000,
            seg-7.ts
            #EXTINF:2.000,
            seg-8.ts
            """;

    @Test
    void everySegmentUriCarriesThePlaylistsToken() {
        String signed = LiveHlsRequestHandler.withToken(PLAYLIST, "1748822400-3q2+7w/=");
        assertThat(signed.lines().filter(l -> l.startsWith("seg-")))
                .containsExactly("seg-7.ts?token=1748822400-3q2%2B7w%2F%3D", "seg-8.ts?token=1748822400-3q2%2B7w%2F%3D");
        assertThat(signed.lines().filter(l -> l.startsWith("#"))).containsExactlyElementsOf(
                PLAYLIST.lines().filter(l -> l.startsWith("#")).toList());
        assertThat(signed).endsWith("\n");
    }

    @Test
    void theInitSegmentOfFragmentsCarriesItToo() {
        String playlist = "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-MAP:URI=\"init-1.mp4\"\n#EXTINF:2.000,\nseg-0.m4s\n";
        assertThat(LiveHlsRequestHandler.withToken(playlist, "17-ab")).isEqualTo(
                "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-MAP:URI=\"init-1.mp4?token=17-ab\"\n#EXTINF:2.000,\nseg-0.m4s?token=17-ab\n");
    }

    @Test
    void theSitesOwnUncountedFetchPassesThatOnToo() {
        String query = LiveHlsRequestHandler.playlistQuery("17-ab", true);
        assertThat(LiveHlsRequestHandler.withQuery(PLAYLIST, query).lines().filter(l -> l.startsWith("seg-")))
                .containsExactly("seg-7.ts?token=17-ab&uncounted=1", "seg-8.ts?token=17-ab&uncounted=1");
        assertThat(LiveHlsRequestHandler.playlistQuery(null, true)).isEqualTo("uncounted=1");
        assertThat(LiveHlsRequestHandler.playlistQuery(null, false)).isNull();
    }

    @Test
    void withoutATokenThePlaylistIsUnchanged() {
        assertThat(LiveHlsRequestHandler.withToken(PLAYLIST, null)).isEqualTo(PLAYLIST);
    }
}
