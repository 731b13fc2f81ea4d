package dev.marquee.media.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.media.server.spi.UrlSigner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediaServerSettingsTest {
    private final UrlSigner signer = new UrlSigner(new byte[32]);

    @Test
    void defaultsBindLoopbackOn8081WithTenSecondPlaylists() {
        MediaServerSettings s = MediaServerSettings.of(Path.of("/srv/media"), signer);
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(8081);
        assertThat(s.playlistMaxAge()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.allowedOrigins()).isEmpty();
        assertThat(s.effectiveWorkerThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void nullsTakeDefaultsInTheShortConstructor() {
        MediaServerSettings s = new MediaServerSettings(null, 0, Path.of("m"), signer, null, null);
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.playlistMaxAge()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.withAllowedOrigins(List.of("http://127.0.0.1:8080")).allowedOrigins()).containsExactly("http://127.0.0.1:8080");
    }

    @Test
    void rejectsImpossibleValues() {
        MediaServerSettings s = MediaServerSettings.of(Path.of("m"), signer);
        assertThatThrownBy(() -> s.withPort(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.withIdleTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.withWorkerThreads(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWithChangesThatSettingAndKeepsEveryOther() {
        MediaServerSettings s = MediaServerSettings.of(Path.of("m"), signer)
                .withPort(9000).withAllowedOrigins(List.of("https://a.example")).withIdleTimeout(Duration.ofSeconds(5))
                .withWorkerThreads(3);
        MediaServerSettings moved = s.withRtmpPort(19350);
        assertThat(moved.rtmpPort()).isEqualTo(19350);
        assertThat(s.rtmpPort()).as("the original is unchanged").isEqualTo(1935);
        assertThat(moved).usingRecursiveComparison().ignoringFields("rtmpPort").isEqualTo(s);
        assertThat(moved.withRtmpPort(1935)).isEqualTo(s);
    }
}
