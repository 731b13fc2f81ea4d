package dev.marquee.platform.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.platform.web.ProblemException;
import org.junit.jupiter.api.Test;

class UserTextTest {
    @Test
    void controlAndInvisibleCharactersAreDroppedAndLineBreaksBecomeSpacesInALine() {
        assertThat(UserText.line("  hi\u0000 there\u0007\r\nfriend\u202E!\u200B  ", 100, "text")).isEqualTo("hi there friend!");
    }

    @Test
    void paragraphsKeepLineBreaksButNotLongRunsOfBlankLines() {
        assertThat(UserText.paragraphs("one\r\n\r\n\r\n\r\ntwo\nthree\t4", 100, "text")).isEqualTo("one\n\ntwo\nthree 4");
    }

    @Test
    void lengthIsCountedInCharactersPeopleSeeNotUtf16Units() {
        String emoji = "😀".repeat(100); // 200 UTF-16 units
        assertThat(UserText.line(emoji, 100, "text")).isEqualTo(emoji);
        assertThatThrownBy(() -> UserText.line(emoji + "x", 100, "text")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("101 characters; at most 100");
    }

    @Test
    void emptyAfterCleaningIsRefused() {
        assertThatThrownBy(() -> UserText.line(" \u0000\u200B ", 10, "text")).isInstanceOf(ProblemException.class)
                .hasMessage("text is empty.");
        assertThatThrownBy(() -> UserText.line(null, 10, "text")).isInstanceOf(ProblemException.class);
    }

    @Test
    void markupStaysTextForPagesToEscape() {
        assertThat(UserText.line("<script>alert(1)</script>", 100, "text")).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void emojiSequencesKeepTheirJoiners() {
        String family = "👨\u200D👩\u200D👧";
        assertThat(UserText.line(family, 10, "text")).isEqualTo(family);
    }

    @Test
    void fingerprintsFoldCaseWidthAndSpacing() {
        assertThat(UserText.fingerprint("Ｈｅｌｌｏ   World")).isEqualTo(UserText.fingerprint("hello world"));
    }
}
