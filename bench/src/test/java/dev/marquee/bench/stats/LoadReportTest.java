package dev.marquee.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadReportTest {
    private static ViewerResult viewer(int id, double pct, int stalls, double ttfk, long cpuBytes, String error) {
        return new ViewerResult(id, false, error, 10_000_000, 7_500_000, cpuBytes, pct * 20, pct, stalls, stalls, 0, 40, 30, ttfk,
                ttfk + 1, 1000, 600, 600, 3.5, 9.0);
    }

    private static LoadReport report(List<ViewerResult> viewers, double serverCpu) {
        return report(viewers, serverCpu, List.of());
    }

    private static LoadReport report(List<ViewerResult> viewers, double serverCpu, List<ProbeJoin> probe) {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 1; i <= 100; i++) h.record(i * 100L);
        return new LoadReport("flv", "http://127.0.0.1:1/live/a.flv", 1, 1, 1_700_000_000_000L, 60, 20, 2000, serverCpu, 1.5, h, viewers,
                probe);
    }

    /** 20 joins: ttfk 1, 2, … 19 ms, and one that timed out. */
    private static List<ProbeJoin> probeJoins() {
        List<ProbeJoin> joins = new ArrayList<>();
        for (int i = 1; i < 20; i++) joins.add(new ProbeJoin(1_700_000_010_000L + 500L * i, i, null));
        joins.add(10, new ProbeJoin(1_700_000_015_000L, -1, "no keyframe within 5000 ms (0 bytes, 0 tags)"));
        return joins;
    }

    @Test
    void summarisesHeldViewersStallsAndCpuPerGigabyte() {
        LoadReport r = report(List.of(viewer(0, 100, 0, 10, 500_000_000, null), viewer(1, 98.5, 0, 20, 250_000_000, null),
                viewer(2, 100, 2, 30, 250_000_000, null), viewer(3, 0, 0, -1, 0, "closed by server")), 4.0);
        LoadReport.Summary s = r.summary();
        assertThat(s.viewers()).isEqualTo(4);
        assertThat(s.held()).isEqualTo(1); // 98.5% is short of 99%; stalls disqualify; errors too
        assertThat(s.failed()).isEqualTo(1);
        assertThat(s.viewersWithStalls()).isEqualTo(1);
        assertThat(s.stalls()).isEqualTo(2);
        assertThat(s.ttfkP50()).isEqualTo(20.0);
        assertThat(s.ttfkP95()).isEqualTo(30.0);
        assertThat(s.cpuWindowBytes()).isEqualTo(1_000_000_000L);
        assertThat(s.cpuSecondsPerGb()).isEqualTo(4.0);
        assertThat(s.serverCpuPct()).isEqualTo(20.0);
        assertThat(s.deliveredMbps()).isEqualTo(400.0);
        assertThat(s.latencyP50()).isCloseTo(5.0, within(0.1));
        assertThat(s.firstError()).isEqualTo("closed by server");
        assertThat(r.summaryLine()).contains("held 1/4", "CPU-s/GB");
    }

    @Test
    void survivesJsonAndMergesAcrossProcesses() {
        LoadReport a = report(List.of(viewer(0, 100, 0, 10, 400, null)), -1);
        LoadReport b = report(List.of(viewer(1, 99.5, 1, 12, 600, null)), -1);
        LoadReport a2 = LoadReport.fromJson(a.toJson());
        assertThat(a2.viewers()).isEqualTo(a.viewers());
        assertThat(a2.latency().count()).isEqualTo(100);
        LoadReport merged = LoadReport.merge(List.of(a2, LoadReport.fromJson(b.toJson())), 2.0, 3.0);
        assertThat(merged.viewers()).hasSize(2);
        assertThat(merged.processes()).isEqualTo(2);
        assertThat(merged.latency().count()).isEqualTo(200);
        assertThat(merged.summary().cpuWindowBytes()).isEqualTo(1000);
        assertThat(merged.summary().serverCpuPct()).isEqualTo(10.0);
        assertThat(merged.summary().held()).isEqualTo(1);
    }

    @Test
    void summarisesTheProbeApartFromTheRampJoins() {
        LoadReport r = report(List.of(viewer(0, 100, 0, 300, 1000, null), viewer(1, 100, 0, 400, 1000, null)), -1, probeJoins());
        LoadReport.Summary s = r.summary();
        assertThat(s.ttfkP50()).isEqualTo(300.0); // the ramp's joins, untouched by the probe
        assertThat(s.viewers()).isEqualTo(2); // probe joins are not viewers
        assertThat(s.probeJoins()).isEqualTo(20);
        assertThat(s.probeFailed()).isEqualTo(1);
        assertThat(s.probeTtfkP50()).isEqualTo(10.0); // nearest rank over the 19 that got a keyframe
        assertThat(s.probeTtfkP95()).isEqualTo(19.0);
        assertThat(s.probeTtfkMax()).isEqualTo(19.0);
        assertThat(r.summaryLine()).contains("ttfk all joins p50 300.0", "probe p50 10.0 p95 19.0 max 19.0 ms (20 joins, 1 failed)",
                "first probe error: no keyframe within 5000 ms");
    }

    @Test
    void withoutAProbeItsFiguresReadNotMeasured() {
        LoadReport.Summary s = report(List.of(viewer(0, 100, 0, 10, 1000, null)), -1).summary();
        assertThat(s.probeJoins()).isZero();
        assertThat(s.probeFailed()).isZero();
        assertThat(s.probeTtfkP50()).isEqualTo(-1.0);
        assertThat(s.probeTtfkMax()).isEqualTo(-1.0);
        assertThat(report(List.of(viewer(0, 100, 0, 10, 1000, null)), -1).summaryLine()).doesNotContain("probe");
    }

    @Test
    void probeJoinsSurviveJsonAndMerge() {
        LoadReport parent = report(List.of(viewer(0, 100, 0, 10, 400, null)), -1, probeJoins());
        LoadReport child = report(List.of(viewer(1, 100, 0, 12, 600, null)), -1);
        LoadReport parent2 = LoadReport.fromJson(parent.toJson());
        assertThat(parent2.probe()).isEqualTo(parent.probe());
        assertThat(parent2.summary()).isEqualTo(parent.summary());
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) ((Map<String, Object>) Json.parse(parent.toJson())).get("summary");
        assertThat(summary).containsEntry("probeJoins", 20.0).containsEntry("probeFailed", 1.0)
                .containsEntry("probeTtfkP50", 10.0).containsEntry("probeTtfkP95", 19.0).containsEntry("probeTtfkMax", 19.0);

        LoadReport merged = LoadReport.merge(List.of(LoadReport.fromJson(child.toJson()), parent2), -1, -1);
        assertThat(merged.probe()).isEqualTo(parent.probe()); // from the one part that has them
        assertThat(merged.summary().probeTtfkP95()).isEqualTo(19.0);
        assertThat(merged.summary().viewers()).isEqualTo(2);
        assertThat(LoadReport.merge(List.of(child, child), -1, -1).withProbe(probeJoins()).summary().probeFailed()).isEqualTo(1);
    }

    @Test
    void readsReportsWrittenBeforeTheProbe() {
        String old = report(List.of(viewer(0, 100, 0, 10, 400, null)), -1).toJson().replaceAll(",\\s*\"probe\": \\[\\]", "");
        assertThat(old).doesNotContain("\"probe\"");
        assertThat(LoadReport.fromJson(old).probe()).isEmpty();
    }

    @Test
    void jsonReadsWhatItWrites() {
        Object value = Json.parse(Json.write(Map.of("s", "a \"q\"\n\u0001", "n", List.of(1.5, -2.0, 1e-3), "b", true)));
        assertThat(value).isEqualTo(Map.of("s", "a \"q\"\n\u0001", "n", List.of(1.5, -2.0, 0.001), "b", true));
    }
}
