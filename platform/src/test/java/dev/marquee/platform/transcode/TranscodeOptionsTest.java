package dev.marquee.platform.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TranscodeOptionsTest {

    @Test
    void defaultsToVeryfastWithAutomaticThreads() {
        assertThat(TranscodeOptions.defaults()).isEqualTo(new TranscodeOptions("veryfast", 0));
        assertThat(TranscodeOptions.defaults().withThreads(2).threads()).isEqualTo(2);
    }

    @Test
    void refusesUltrafastBecauseItCannotMakeHighProfile() {
        assertThatThrownBy(() -> new TranscodeOptions("ultrafast", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ultrafast");
        assertThatThrownBy(() -> new TranscodeOptions("veryfast", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
