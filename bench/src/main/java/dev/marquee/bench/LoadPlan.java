package dev.marquee.bench;

import dev.marquee.bench.viewer.JoinProbe;
import dev.marquee.bench.viewer.PlayUrl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one LiveLoad run does. The timeline, from startAt: viewers join evenly over the ramp, then the settle
 * time passes, then the measurement window runs; the server-CPU window and the join probe (probeJoins fresh
 * viewers, one after another, in the parent process only) start with it. With a read pace, each load thread
 * reads its sockets at most once per pace: fewer, larger reads, as a player with a buffer makes.
 */
record LoadPlan(String protocol, String url, int viewers, int stalled, int stalledReceiveBuffer, double durationSeconds,
                double rampSeconds, double settleSeconds, double cpuWindowSeconds, int threads, int processes,
                Path report, double streamKbps, Path source, long[] serverPids, long startAtEpochMs, int idOffset,
                int probeJoins, long readPaceMicros, boolean quiet) {
    static final int VIEWERS_PER_THREAD = 1000;
    /** The method's "median and p95 over 20 joins". */
    static final int PROBE_JOINS = 20;

    static final String VALUED = "protocol url viewers duration ramp settle threads processes report stream-kbps source "
            + "server-pid cpu-window start-at stalled stalled-rcvbuf id-offset probe-joins read-pace";
    static final String FLAGS = "help quiet";

    static LoadPlan from(Options o) {
        String protocol = o.get("protocol", "flv");
        String url = o.get("url", null);
        if (url == null) throw new IllegalArgumentException("--url is required");
        String scheme = PlayUrl.parse(url).scheme();
        if (protocol.equals("flv") != scheme.equals("http") || !(protocol.equals("flv") || protocol.equals("rtmp"))) {
            throw new IllegalArgumentException("--protocol " + protocol + " does not fit " + url + " (flv: http://, rtmp: rtmp://)");
        }
        int viewers = o.integer("viewers", 100);
        int stalled = o.integer("stalled", 0);
        double duration = o.seconds("duration", 60);
        int total = viewers + stalled;
        int threads = o.integer("threads", Math.clamp((total + VIEWERS_PER_THREAD - 1) / VIEWERS_PER_THREAD, 1,
                Runtime.getRuntime().availableProcessors()));
        long[] pids = o.has("server-pid")
                ? Arrays.stream(o.get("server-pid", "").split(",")).filter(s -> !s.isBlank()).mapToLong(Long::parseLong).toArray()
                : new long[0];
        if (viewers < 0 || stalled < 0 || total == 0) throw new IllegalArgumentException("need at least one viewer");
        if (duration <= 0) throw new IllegalArgumentException("--duration must be positive");
        int probeJoins = o.integer("probe-joins", PROBE_JOINS);
        if (probeJoins < 0) throw new IllegalArgumentException("--probe-joins must be 0 (off) or more");
        // every join must start inside the window, while the load is still there to measure against
        double probeSeconds = Math.max(0, probeJoins - 1) * JoinProbe.SPACING_MICROS / 1e6;
        if (probeJoins > 0 && probeSeconds >= duration) {
            throw new IllegalArgumentException("--probe-joins " + probeJoins + " starts joins over " + probeSeconds
                    + " s, longer than --duration " + duration + " s (lower it, or 0 for no probe)");
        }
        double readPace = o.seconds("read-pace", 0);
        if (readPace < 0 || readPace > 0.1) throw new IllegalArgumentException("--read-pace must be 0 (off) to 100ms");
        return new LoadPlan(protocol, url, viewers, stalled, o.integer("stalled-rcvbuf", 4096), duration,
                o.seconds("ramp", 5), o.seconds("settle", 5), Math.min(duration, o.seconds("cpu-window", 20)),
                Math.max(1, threads), Math.max(1, o.integer("processes", 1)),
                o.has("report") ? Path.of(o.get("report", null)) : null, o.number("stream-kbps", -1),
                o.has("source") ? Path.of(o.get("source", null)) : null, pids, (long) o.number("start-at", 0),
                o.integer("id-offset", 0), probeJoins, Math.round(readPace * 1e6), o.has("quiet"));
    }

    /** The arguments a child process runs its share with; the parent makes the probe's joins itself. */
    List<String> childArguments(int viewers, int stalled, int idOffset, long startAt, Path childReport) {
        List<String> a = new ArrayList<>(List.of("--protocol", protocol, "--url", url, "--viewers", Integer.toString(viewers),
                "--stalled", Integer.toString(stalled), "--stalled-rcvbuf", Integer.toString(stalledReceiveBuffer),
                "--duration", durationSeconds + "s", "--ramp", rampSeconds + "s", "--settle", settleSeconds + "s",
                "--cpu-window", cpuWindowSeconds + "s", "--start-at", Long.toString(startAt),
                "--id-offset", Integer.toString(idOffset), "--probe-joins", "0", "--read-pace", readPaceMicros + "us",
                "--report", childReport.toString(), "--quiet"));
        if (streamKbps > 0) a.addAll(List.of("--stream-kbps", Double.toString(streamKbps)));
        if (source != null) a.addAll(List.of("--source", source.toString()));
        return a;
    }
}
