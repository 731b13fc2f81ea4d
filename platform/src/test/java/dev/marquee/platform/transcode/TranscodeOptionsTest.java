package dev.marquee.platform.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TranscodeOptionsTest {

    @Test
    void defaultsToVeryfastWithAutomaticThreadsBelowTheServersPriority() {
        assertThat(TranscodeOptions.defaults()).isEqualTo(new TranscodeOptions("veryfast", 0, 10));
        assertThat(TranscodeOptions.defaults().withThreads(2).threads()).isEqualTo(2);
        assertThat(TranscodeOptions.defaults().withNiceness(0).niceness()).isZero();
    }

    @Test
    void refusesUltrafastBecauseItCannotMakeHighProfile() {
        assertThatThrownBy(() -> new TranscodeOptions("ultrafast", 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ultrafast");
        assertThatThrownBy(() -> new TranscodeOptions("veryfast", -1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nicenessIsWhatNiceAccepts() {
        assertThatThrownBy(() -> TranscodeOptions.defaults().withNiceness(20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..19");
        assertThatThrownBy(() -> TranscodeOptions.defaults().withNiceness(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
