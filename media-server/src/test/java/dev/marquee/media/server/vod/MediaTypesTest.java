package dev.marquee.media.server.vod;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaTypesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "master.m3u8|application/vnd.apple.mpegurl",
            "seg_001.m4s|video/iso.segment",
            "init.mp4|video/mp4",
            "seg.ts|video/mp2t",
            "thumb.jpg|image/jpeg",
            "THUMB.JPG|image/jpeg",
            "poster.png|image/png",
            "poster.webp|image/webp",
            "en.vtt|text/vtt; charset=utf-8",
            "info.json|application/json",
            "live.flv|video/x-flv",
            "noext|application/octet-stream",
            "trailing.|application/octet-stream",
            "archive.tar.gz|application/octet-stream",
    })
    void contentTypeFollowsTheExtension(String name, String type) {
        assertThat(MediaTypes.of(name).toString()).isEqualTo(type);
    }
}
