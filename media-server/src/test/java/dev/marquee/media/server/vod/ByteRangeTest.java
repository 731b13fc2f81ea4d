package dev.marquee.media.server.vod;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void closedRange() {
        assertThat(ByteRange.parse("bytes=10-19", 100)).isEqualTo(new ByteRange(10, 10));
    }

    @Test
    void openRangeRunsToTheEnd() {
        assertThat(ByteRange.parse("bytes=90-", 100)).isEqualTo(new ByteRange(90, 10));
    }

    @Test
    void suffixRangeTakesTheLastBytes() {
        assertThat(ByteRange.parse("bytes=-30", 100)).isEqualTo(new ByteRange(70, 30));
        assertThat(ByteRange.parse("bytes=-300", 100)).isEqualTo(new ByteRange(0, 100));
    }

    @Test
    void lastPositionBeyondTheEndIsClamped() {
        assertThat(ByteRange.parse("bytes=50-99999999999999999999999", 100)).isEqualTo(new ByteRange(50, 50));
        assertThat(ByteRange.parse("bytes=99-", 100).last()).isEqualTo(99);
    }

    @Test
    void startAtOrBeyondTheEndIsUnsatisfiable() {
        assertThat(ByteRange.parse("bytes=100-", 100)).isSameAs(ByteRange.UNSATISFIABLE);
        assertThat(ByteRange.parse("bytes=500-600", 100)).isSameAs(ByteRange.UNSATISFIABLE);
        assertThat(ByteRange.parse("bytes=-0", 100)).isSameAs(ByteRange.UNSATISFIABLE);
        assertThat(ByteRange.parse("bytes=0-", 0)).isSameAs(ByteRange.UNSATISFIABLE);
    }

    @Test
    void malformedOrMultipleRangesAreIgnored() {
        assertThat(ByteRange.parse("bytes=0-1,5-6", 100)).isNull();
        assertThat(ByteRange.parse("bytes=9-3", 100)).isNull();
        assertThat(ByteRange.parse("bytes=a-3", 100)).isNull();
        assertThat(ByteRange.parse("items=0-3", 100)).isNull();
        assertThat(ByteRange.parse("bytes=", 100)).isNull();
        assertThat(ByteRange.parse("bytes=-", 100)).isNull();
        assertThat(ByteRange.parse(null, 100)).isNull();
    }

    @Test
    void unitIsCaseInsensitive() {
        assertThat(ByteRange.parse("Bytes=0-0", 100)).isEqualTo(new ByteRange(0, 1));
    }
}
