package dev.marquee.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadPlanTest {
    private static LoadPlan plan(String... args) {
        return LoadPlan.from(Options.parse(args, Options.names(LoadPlan.VALUED), Options.names(LoadPlan.FLAGS)));
    }

    @Test
    void probesTwentyJoinsUnlessTold() {
        assertThat(plan("--url", "http://127.0.0.1:1/live/a.flv").probeJoins()).isEqualTo(20);
        assertThat(plan("--url", "http://127.0.0.1:1/live/a.flv", "--probe-joins", "0").probeJoins()).isZero();
        assertThat(plan("--url", "http://127.0.0.1:1/live/a.flv", "--probe-joins", "5").probeJoins()).isEqualTo(5);
    }

    @Test
    void childrenNeverProbe() {
        List<String> args = plan("--url", "http://127.0.0.1:1/live/a.flv", "--processes", "3")
                .childArguments(100, 0, 0, 1_700_000_000_000L, Path.of("part-0.json"));
        assertThat(args.get(args.indexOf("--probe-joins") + 1)).isEqualTo("0");
        assertThat(plan(args.toArray(String[]::new)).probeJoins()).isZero();
    }

    @Test
    void refusesAProbeThatOutlastsTheWindow() {
        assertThatThrownBy(() -> plan("--url", "http://127.0.0.1:1/live/a.flv", "--duration", "5s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--probe-joins 20");
        assertThat(plan("--url", "http://127.0.0.1:1/live/a.flv", "--duration", "5s", "--probe-joins", "0").probeJoins()).isZero();
        assertThatThrownBy(() -> plan("--url", "http://127.0.0.1:1/live/a.flv", "--probe-joins", "-1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void childrenReadAtTheParentsPace() {
        assertThat(plan("--url", "http://127.0.0.1:1/live/a.flv").readPaceMicros()).isZero();
        LoadPlan paced = plan("--url", "http://127.0.0.1:1/live/a.flv", "--read-pace", "10ms", "--processes", "2");
        assertThat(paced.readPaceMicros()).isEqualTo(10_000);
        List<String> args = paced.childArguments(100, 0, 0, 1_700_000_000_000L, Path.of("part-0.json"));
        assertThat(plan(args.toArray(String[]::new)).readPaceMicros()).isEqualTo(10_000);
        assertThatThrownBy(() -> plan("--url", "http://127.0.0.1:1/live/a.flv", "--read-pace", "1s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--read-pace");
    }
}
