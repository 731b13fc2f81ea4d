package dev.marquee.media.server.vod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VodPathTest {

    @Test
    void splitsTokenVideoAndRelativePathIgnoringQuery() throws Exception {
        VodPath path = VodPath.parse("/vod/123-abc/abcdefghij_/720p/seg_001.m4s?x=1#frag");
        assertThat(path.token()).isEqualTo("123-abc");
        assertThat(path.videoId()).isEqualTo("abcdefghij_");
        assertThat(path.relativePath()).isEqualTo("720p/seg_001.m4s");
        assertThat(path.fileName()).isEqualTo("seg_001.m4s");
    }

    @Test
    void decodesHarmlessPercentEscapes() throws Exception {
        assertThat(VodPath.parse("/vod/t/abcdefghijk/a%20b.vtt").relativePath()).isEqualTo("a b.vtt");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/vod/t/abcdefghijk/../etc/passwd",
            "/vod/t/abcdefghijk/720p/../../x",
            "/vod/t/abcdefghijk/./master.m3u8",
            "/vod/t/abcdefghijk/%2e%2e/%2e%2e/etc/passwd",
            "/vod/t/abcdefghijk/%2E%2E%2Fsecret",
            "/vod/t/abcdefghijk/720p%2fseg.m4s",
            "/vod/t/abcdefghijk/.tmp/seg.m4s",
            "/vod/t/abcdefghijk/.hidden",
            "/vod/t/abcdefghijk/a\\b",
            "/vod/t/abcdefghijk/a%5cb",
            "/vod/t/abcdefghijk/a%00b",
            "/vod/t/abcdefghijk//etc/passwd",
            "/vod/t/abcdefghijk/720p/",
            "/vod/t/abcdefghijk/%zz",
            "/vod/t/abcdefghijk/%2",
            "/vod/t/abcdefghijk/%ff%fe",
            "/vod/t/abcdefghijk/C:x",
            "/vod/t/short/master.m3u8",
            "/vod/t/abcdefghij!/master.m3u8",
            "/vod/t/abcdefghijk",
            "/vod/t/abcdefghijk/a/b/c/d/e/f/g/h/i/j/k",
            "http://evil/vod/t/abcdefghijk/x",
            "*",
    })
    void rejectsAnythingThatCouldLeaveTheVideoDirectory(String uri) {
        assertThatThrownBy(() -> VodPath.parse(uri))
                .isInstanceOfSatisfying(VodRequestException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpResponseStatus.BAD_REQUEST));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/vod//abcdefghijk/master.m3u8", "/vod/abcdefghijk/master.m3u8",
            "/vod/abcdefghijk/720p/index.m3u8"})
    void missingTokenIsForbidden(String uri) {
        assertThatThrownBy(() -> VodPath.parse(uri))
                .isInstanceOfSatisfying(VodRequestException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpResponseStatus.FORBIDDEN));
    }

    @Test
    void pathsOutsideVodAreNotFound() {
        assertThatThrownBy(() -> VodPath.parse("/favicon.ico"))
                .isInstanceOfSatisfying(VodRequestException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpResponseStatus.NOT_FOUND));
    }
}
