package dev.marquee.bench.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A load run's report: the set-up, the server-CPU window, every viewer's result, the merged latency
 * histogram and the join probe's joins. Several processes' reports merge into one ({@link #merge}); the
 * summary is always recomputed from the viewers and the joins, so a merged report is summarised exactly like
 * a single one.
 *
 * @param serverCpuSeconds server utime + stime over the CPU window; -1 when not sampled
 * @param clientCpuSeconds the load generator's own utime + stime over the CPU window; -1 when not sampled
 * @param probe            the join probe's joins, in order (none when it was off, and in a child's report)
 */
public record LoadReport(String protocol, String url, int processes, int threads, long windowStartEpochMs,
                         double windowSeconds, double cpuWindowSeconds, double streamKbps, double serverCpuSeconds,
                         double clientCpuSeconds, LatencyHistogram latency, List<ViewerResult> viewers,
                         List<ProbeJoin> probe) {

    public LoadReport {
        probe = List.copyOf(probe);
    }

    /**
     * The numbers a ladder row shows. Percentages are of one core; times in ms; -1 when not measured.
     * ttfkP50/ttfkP95 are over every viewer's join during the ramp; the probe figures over the join probe's
     * joins once the step had settled (probeJoins attempted, probeFailed of them without a keyframe in time).
     */
    public record Summary(int viewers, int stalledReaders, int connected, int failed, int held, int viewersWithStalls,
                          int stalls, double kbpsMedian, double kbpsMin, double pctMedian, double pctMin, double ttfkP50,
                          double ttfkP95, int probeJoins, int probeFailed, double probeTtfkP50, double probeTtfkP95,
                          double probeTtfkMax, double latencyP50, double latencyP95, double latencyP99, long stamps,
                          long cpuWindowBytes, double deliveredMbps, double serverCpuPct, double cpuSecondsPerGb,
                          double clientCpuPct, String firstError) {}

    public Summary summary() {
        List<ViewerResult> live = viewers.stream().filter(v -> !v.stalledReader()).toList();
        List<ViewerResult> ok = live.stream().filter(v -> v.error() == null).toList();
        long cpuBytes = viewers.stream().mapToLong(ViewerResult::cpuWindowBytes).sum();
        double deliveredMbps = cpuWindowSeconds > 0 ? cpuBytes * 8.0 / cpuWindowSeconds / 1e6 : -1;
        double serverPct = serverCpuSeconds >= 0 && cpuWindowSeconds > 0 ? serverCpuSeconds / cpuWindowSeconds * 100 : -1;
        double perGb = serverCpuSeconds >= 0 && cpuBytes > 0 ? serverCpuSeconds / (cpuBytes / 1e9) : -1;
        double clientPct = clientCpuSeconds >= 0 && cpuWindowSeconds > 0 ? clientCpuSeconds / cpuWindowSeconds * 100 : -1;
        double[] ttfk = live.stream().mapToDouble(ViewerResult::ttfkMs).filter(t -> t >= 0).toArray();
        double[] probeTtfk = probe.stream().filter(j -> !j.failed()).mapToDouble(ProbeJoin::ttfkMs).toArray();
        String firstError = live.stream().map(ViewerResult::error).filter(e -> e != null).findFirst().orElse(null);
        return new Summary(live.size(), viewers.size() - live.size(), (int) live.stream().filter(v -> v.tags() > 0).count(),
                live.size() - ok.size(), (int) live.stream().filter(ViewerResult::held).count(),
                (int) live.stream().filter(v -> v.stalls() > 0).count(), live.stream().mapToInt(ViewerResult::stalls).sum(),
                Percentiles.of(values(ok, ViewerResult::kbps), 50), Percentiles.min(values(live, ViewerResult::kbps)),
                Percentiles.of(values(ok, ViewerResult::pct), 50), Percentiles.min(values(live, ViewerResult::pct)),
                Percentiles.of(ttfk, 50), Percentiles.of(ttfk, 95), probe.size(), probe.size() - probeTtfk.length,
                Percentiles.of(probeTtfk, 50), Percentiles.of(probeTtfk, 95), Percentiles.max(probeTtfk),
                ms(latency.percentile(50)), ms(latency.percentile(95)), ms(latency.percentile(99)), latency.count(),
                cpuBytes, deliveredMbps, serverPct, perGb, clientPct, firstError);
    }

    /** One line for a terminal. */
    public String summaryLine() {
        Summary s = summary();
        StringBuilder line = new StringBuilder();
        line.append(String.format("%s %d viewers: held %d/%d, failed %d, stalls %d (%d viewers), kbps p50 %.0f min %.0f (%.1f%%..%.1f%% of %.0f)",
                protocol, s.viewers(), s.held(), s.viewers(), s.failed(), s.stalls(), s.viewersWithStalls(), s.kbpsMedian(),
                s.kbpsMin(), s.pctMin(), s.pctMedian(), streamKbps));
        line.append(String.format(", ttfk all joins p50 %.1f p95 %.1f ms", s.ttfkP50(), s.ttfkP95()));
        if (s.probeJoins() > 0) {
            line.append(String.format(", probe p50 %.1f p95 %.1f max %.1f ms (%d joins, %d failed)", s.probeTtfkP50(),
                    s.probeTtfkP95(), s.probeTtfkMax(), s.probeJoins(), s.probeFailed()));
        }
        if (s.stamps() > 0) {
            line.append(String.format(", latency p50 %.1f p95 %.1f p99 %.1f ms", s.latencyP50(), s.latencyP95(), s.latencyP99()));
        } else {
            line.append(", latency n/a (no stamps)");
        }
        line.append(String.format(", delivered %.0f Mb/s", s.deliveredMbps()));
        if (s.serverCpuPct() >= 0) line.append(String.format(", server CPU %.1f%% = %.2f CPU-s/GB", s.serverCpuPct(), s.cpuSecondsPerGb()));
        if (s.clientCpuPct() >= 0) line.append(String.format(", client CPU %.1f%%", s.clientCpuPct()));
        if (s.stalledReaders() > 0) line.append(", stalled readers ").append(s.stalledReaders());
        if (s.firstError() != null) line.append(", first error: ").append(s.firstError());
        probe.stream().filter(ProbeJoin::failed).findFirst().ifPresent(j -> line.append(", first probe error: ").append(j.error()));
        return line.toString();
    }

    /** This report with the join probe's joins made by whoever ran the load (the parent of several processes). */
    public LoadReport withProbe(List<ProbeJoin> joins) {
        return new LoadReport(protocol, url, processes, threads, windowStartEpochMs, windowSeconds, cpuWindowSeconds,
                streamKbps, serverCpuSeconds, clientCpuSeconds, latency, viewers, joins);
    }

    /**
     * Joins the reports of processes that shared one window; CPU figures come from the caller. The probe's joins
     * come from the one part that made them, if any: one probe per run, so they are never pooled.
     */
    public static LoadReport merge(List<LoadReport> parts, double serverCpuSeconds, double clientCpuSeconds) {
        LoadReport first = parts.getFirst();
        LatencyHistogram latency = new LatencyHistogram();
        List<ViewerResult> viewers = new ArrayList<>();
        List<ProbeJoin> probe = List.of();
        int threads = 0;
        for (LoadReport part : parts) {
            latency.add(part.latency());
            viewers.addAll(part.viewers());
            threads += part.threads();
            if (!part.probe().isEmpty()) {
                if (!probe.isEmpty()) throw new IllegalArgumentException("more than one part made probe joins");
                probe = part.probe();
            }
        }
        return new LoadReport(first.protocol(), first.url(), parts.size(), threads, first.windowStartEpochMs(),
                first.windowSeconds(), first.cpuWindowSeconds(), first.streamKbps(), serverCpuSeconds, clientCpuSeconds,
                latency, viewers, probe);
    }

    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("protocol", protocol);
        root.put("url", url);
        root.put("processes", processes);
        root.put("threads", threads);
        root.put("windowStartEpochMs", windowStartEpochMs);
        root.put("windowSeconds", windowSeconds);
        root.put("cpuWindowSeconds", cpuWindowSeconds);
        root.put("streamKbps", streamKbps);
        root.put("serverCpuSeconds", serverCpuSeconds);
        root.put("clientCpuSeconds", clientCpuSeconds);
        root.put("summary", summaryMap(summary()));
        Map<String, Object> histogram = new LinkedHashMap<>();
        histogram.put("minMicros", latency.min());
        histogram.put("maxMicros", latency.max());
        histogram.put("negatives", latency.negatives());
        List<Object> buckets = new ArrayList<>();
        for (long[] b : latency.toSparse()) buckets.add(List.of(b[0], b[1]));
        histogram.put("buckets", buckets);
        root.put("latencyHistogram", histogram);
        List<Object> list = new ArrayList<>();
        for (ViewerResult v : viewers) list.add(viewerMap(v));
        root.put("viewers", list);
        List<Object> joins = new ArrayList<>();
        for (ProbeJoin j : probe) joins.add(probeJoinMap(j));
        root.put("probe", joins);
        return Json.write(root);
    }

    @SuppressWarnings("unchecked")
    public static LoadReport fromJson(String text) {
        Map<String, Object> root = (Map<String, Object>) Json.parse(text);
        Map<String, Object> h = (Map<String, Object>) root.get("latencyHistogram");
        List<long[]> buckets = new ArrayList<>();
        for (Object b : (List<Object>) h.get("buckets")) {
            List<Object> pair = (List<Object>) b;
            buckets.add(new long[] {num(pair.get(0)).longValue(), num(pair.get(1)).longValue()});
        }
        LatencyHistogram latency = LatencyHistogram.fromSparse(buckets, num(h.get("minMicros")).longValue(),
                num(h.get("maxMicros")).longValue(), num(h.get("negatives")).longValue());
        List<ViewerResult> viewers = new ArrayList<>();
        for (Object o : (List<Object>) root.get("viewers")) viewers.add(viewerFrom((Map<String, Object>) o));
        List<ProbeJoin> probe = new ArrayList<>();
        for (Object o : (List<Object>) root.getOrDefault("probe", List.of())) { // reports from before the probe have none
            Map<String, Object> j = (Map<String, Object>) o;
            probe.add(new ProbeJoin(num(j.get("startEpochMs")).longValue(), num(j.get("ttfkMs")), (String) j.get("error")));
        }
        return new LoadReport((String) root.get("protocol"), (String) root.get("url"), num(root.get("processes")).intValue(),
                num(root.get("threads")).intValue(), num(root.get("windowStartEpochMs")).longValue(),
                num(root.get("windowSeconds")), num(root.get("cpuWindowSeconds")), num(root.get("streamKbps")),
                num(root.get("serverCpuSeconds")), num(root.get("clientCpuSeconds")), latency, viewers, probe);
    }

    private static Map<String, Object> summaryMap(Summary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (var c : Summary.class.getRecordComponents()) {
            try {
                m.put(c.getName(), c.getAccessor().invoke(s));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return m;
    }

    private static Map<String, Object> viewerMap(ViewerResult v) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (var c : ViewerResult.class.getRecordComponents()) {
            try {
                m.put(c.getName(), c.getAccessor().invoke(v));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        m.put("held", v.held());
        return m;
    }

    private static Map<String, Object> probeJoinMap(ProbeJoin j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("startEpochMs", j.startEpochMs());
        m.put("ttfkMs", j.ttfkMs());
        m.put("error", j.error());
        return m;
    }

    private static ViewerResult viewerFrom(Map<String, Object> m) {
        return new ViewerResult(num(m.get("id")).intValue(), Boolean.TRUE.equals(m.get("stalledReader")), (String) m.get("error"),
                num(m.get("bytes")).longValue(), num(m.get("windowBytes")).longValue(), num(m.get("cpuWindowBytes")).longValue(),
                num(m.get("kbps")), num(m.get("pct")), num(m.get("stalls")).intValue(), num(m.get("gapStalls")).intValue(),
                num(m.get("behindStalls")).intValue(), num(m.get("maxGapMs")), num(m.get("maxBehindMs")), num(m.get("ttfkMs")),
                num(m.get("joinMs")), num(m.get("tags")).longValue(), num(m.get("videoFrames")).longValue(),
                num(m.get("stamps")).longValue(), num(m.get("latencyP50Ms")), num(m.get("latencyP99Ms")));
    }

    private static Double num(Object o) {
        return o == null ? -1.0 : ((Number) o).doubleValue();
    }

    private static double[] values(List<ViewerResult> viewers, ToDoubleFunction<ViewerResult> f) {
        return viewers.stream().mapToDouble(f).toArray();
    }

    private static double ms(double micros) {
        return micros < 0 ? -1 : micros / 1000.0;
    }
}
