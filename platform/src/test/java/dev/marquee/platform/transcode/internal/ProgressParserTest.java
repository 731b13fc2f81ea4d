package dev.marquee.platform.transcode.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressParserTest {

    private final List<Integer> reports = new ArrayList<>();
    private final ProgressParser parser = new ProgressParser(10.0, reports::add);

    private void feed(String... lines) {
        for (String line : lines) {
            parser.accept(line);
        }
    }

    @Test
    void reportsPercentOfTheDurationFromOutTime() {
        feed("frame=30", "out_time_us=1000000", "out_time_ms=1000000", "out_time=00:00:01.000000", "progress=continue",
                "out_time_us=2550000", "progress=continue");

        assertThat(reports).containsExactly(10, 25);
    }

    @Test
    void reportsOnlyChangesAndNeverGoesBack() {
        feed("out_time_us=5000000", "out_time_us=5000001", "out_time_us=4000000", "out_time_us=6000000");

        assertThat(reports).containsExactly(50, 60);
    }

    @Test
    void ignoresNotAvailableAndNegativeTimes() {
        feed("out_time_us=N/A", "out_time_ms=-9223372036854775807", "garbage", "=", "out_time_us=");

        assertThat(reports).isEmpty();
    }

    @Test
    void acceptsOutTimeMsWhichIsMicrosecondsToo() {
        feed("out_time_ms=3000000");

        assertThat(reports).containsExactly(30);
    }

    @Test
    void staysBelowHundredUntilTheCallerIsDone() {
        feed("out_time_us=10000000", "out_time_us=10400000", "progress=end");
        parser.report(100);

        assertThat(reports).containsExactly(99, 100);
        assertThat(parser.reported()).isEqualTo(100);
    }
}
