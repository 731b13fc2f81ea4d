package dev.marquee.media.server.vod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.server.spi.UrlSigner;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
    private final UrlSigner signer = new UrlSigner("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));
    private final VerifiedTokens tokens = new VerifiedTokens(signer);

    @Test
    void rememberedTokenStillExpiresOnTime() {
        String token = signer.token("abcdefghijk", Instant.ofEpochSecond(1_000));
        assertThat(tokens.verify("abcdefghijk", token, 900)).isTrue();
        assertThat(tokens.size()).isEqualTo(1);
        assertThat(tokens.verify("abcdefghijk", token, 1_000)).isTrue();
        assertThat(tokens.verify("abcdefghijk", token, 1_001)).isFalse();
    }

    @Test
    void rememberedTokenDoesNotOpenAnotherVideo() {
        String token = signer.token("abcdefghijk", Instant.ofEpochSecond(1_000));
        assertThat(tokens.verify("abcdefghijk", token, 900)).isTrue();
        assertThat(tokens.verify("BBBBBBBBBBB", token, 900)).isFalse();
    }

    @Test
    void forgedTokensAreNeitherAcceptedNorRemembered() {
        String token = signer.token("abcdefghijk", Instant.ofEpochSecond(1_000));
        String forged = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        assertThat(tokens.verify("abcdefghijk", forged, 900)).isFalse();
        assertThat(tokens.verify("abcdefghijk", "2000-" + token.substring(token.indexOf('-') + 1), 900)).isFalse();
        assertThat(tokens.size()).isZero();
    }
}
