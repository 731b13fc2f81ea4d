package dev.marquee.bench;

import dev.marquee.bench.publish.SourceFile;
import dev.marquee.bench.stats.LatencyHistogram;
import dev.marquee.bench.stats.LoadReport;
import dev.marquee.bench.stats.ProcStat;
import dev.marquee.bench.stats.ViewerResult;
import dev.marquee.bench.stats.ViewerStats;
import dev.marquee.bench.stats.WallClock;
import dev.marquee.bench.viewer.JoinProbe;
import dev.marquee.bench.viewer.PlayUrl;
import dev.marquee.bench.viewer.Viewer;
import dev.marquee.bench.viewer.ViewerLoop;
import dev.marquee.media.core.flv.FlvTag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a {@link LoadPlan}: here, on selector threads, or spread over child processes whose reports merge. */
final class LoadRun {
    private static final long CHILD_START_MICROS = 6_000_000; // JVMs start and warm up (ScannerWarmup) well within this
    private static final long WARMUP_MILLIS = 3_000;
    private static final int WARMUP_VIEWERS = 10;
    private static final long GRACE_MICROS = 30_000_000;

    private final LoadPlan plan;

    LoadRun(LoadPlan plan) {
        this.plan = plan;
    }

    LoadReport run() throws Exception {
        return plan.processes() > 1 ? runProcesses() : runHere();
    }

    /** The window marks, in {@link ViewerStats} order, for a run starting at startMicros. */
    private long[] marks(long startMicros) {
        long windowStart = startMicros + micros(plan.rampSeconds() + plan.settleSeconds());
        return new long[] {windowStart, windowStart, windowStart + micros(plan.cpuWindowSeconds()),
                windowStart + micros(plan.durationSeconds())};
    }

    private LoadReport runHere() throws Exception {
        warmUp(plan.startAtEpochMs() > 0 ? plan.startAtEpochMs() * 1000 : WallClock.micros() + WARMUP_MILLIS * 1000 + 300_000);
        long start = plan.startAtEpochMs() > 0 ? plan.startAtEpochMs() * 1000 : WallClock.micros() + 300_000;
        long[] marks = marks(start);
        long end = marks[ViewerStats.MARK_END] + 20_000;
        PlayUrl url = PlayUrl.parse(plan.url());
        ViewerLoop[] loops = new ViewerLoop[plan.threads()];
        Thread[] threads = new Thread[loops.length];
        for (int i = 0; i < loops.length; i++) {
            loops[i] = new ViewerLoop(marks, end).pacedAt(plan.readPaceMicros());
            threads[i] = new Thread(loops[i], "viewers-" + i);
            threads[i].start();
        }
        CpuSampler cpu = CpuSampler.start(marks, plan.serverPids(), new long[] {ProcessHandle.current().pid()});
        JoinProbe probe = startProbe(url, marks);
        int total = plan.viewers() + plan.stalled();
        long ramp = micros(plan.rampSeconds());
        for (int i = 0; i < total; i++) {
            sleepUntil(start + ramp * i / total);
            boolean stalled = i < plan.stalled(); // stalled readers first: they are stalled longest
            loops[i % loops.length].add(new Viewer(plan.idOffset() + i, url, stalled ? plan.stalledReceiveBuffer() : 0));
        }
        for (Thread t : threads) t.join(Math.max(1, (end - WallClock.micros() + GRACE_MICROS) / 1000));
        List<ViewerStats> stats = new ArrayList<>();
        for (ViewerLoop loop : loops) stats.addAll(loop.stats());
        double kbps = streamKbps(stats);
        List<ViewerResult> results = new ArrayList<>();
        LatencyHistogram latency = new LatencyHistogram();
        for (ViewerStats s : stats) {
            results.add(s.result(plan.durationSeconds(), kbps));
            if (!s.isStalledReader()) s.addLatencyTo(latency);
        }
        cpu.join();
        return new LoadReport(plan.protocol(), plan.url(), 1, loops.length, marks[ViewerStats.MARK_START] / 1000,
                plan.durationSeconds(), plan.cpuWindowSeconds(), kbps, cpu.serverSeconds(), cpu.clientSeconds(), latency, results,
                probe.await());
    }

    private LoadReport runProcesses() throws Exception {
        if (plan.probeJoins() > 0) {
            // the probe joins from this JVM: compile its code before the children start, as each child does its own
            warmUp(plan.startAtEpochMs() > 0 ? plan.startAtEpochMs() * 1000 : WallClock.micros() + WARMUP_MILLIS * 1000 + 300_000);
        }
        long start = plan.startAtEpochMs() > 0 ? plan.startAtEpochMs() * 1000 : WallClock.micros() + CHILD_START_MICROS;
        long[] marks = marks(start);
        Path dir = Files.createTempDirectory("liveload-");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<Process> children = new ArrayList<>();
        List<Path> reports = new ArrayList<>();
        int n = plan.processes();
        int offset = 0;
        try {
            for (int i = 0; i < n; i++) {
                int viewers = share(plan.viewers(), n, i);
                int stalled = share(plan.stalled(), n, i);
                Path report = dir.resolve("part-" + i + ".json");
                List<String> command = new ArrayList<>(List.of(java, "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
                        "-cp", System.getProperty("java.class.path"), LiveLoad.class.getName()));
                command.addAll(plan.childArguments(viewers, stalled, offset, start / 1000, report));
                children.add(new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start());
                reports.add(report);
                offset += viewers + stalled;
            }
            long[] childPids = children.stream().mapToLong(Process::pid).toArray();
            CpuSampler cpu = CpuSampler.start(marks, plan.serverPids(), childPids);
            JoinProbe probe = startProbe(PlayUrl.parse(plan.url()), marks);
            long deadline = marks[ViewerStats.MARK_END] + GRACE_MICROS;
            List<LoadReport> parts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Process child = children.get(i);
                if (!child.waitFor(Math.max(1, (deadline - WallClock.micros()) / 1000), TimeUnit.MILLISECONDS)) {
                    throw new IOException("load process " + child.pid() + " did not finish in time");
                }
                if (child.exitValue() != 0) throw new IOException("load process " + child.pid() + " exited with " + child.exitValue());
                parts.add(LoadReport.fromJson(Files.readString(reports.get(i))));
            }
            cpu.join();
            return LoadReport.merge(parts, cpu.serverSeconds(), cpu.clientSeconds()).withProbe(probe.await());
        } finally {
            for (Process child : children) {
                if (child.isAlive()) child.destroyForcibly(); // only our own children, by handle
            }
            for (Path report : reports) Files.deleteIfExists(report);
            Files.deleteIfExists(dir);
        }
    }

    /** The join probe, on its own thread from the measurement window's start: the load has ramped up and settled. */
    private JoinProbe startProbe(PlayUrl url, long[] marks) {
        return new JoinProbe(url, plan.probeJoins()).start(marks[ViewerStats.MARK_START]);
    }

    /**
     * Compiles the client's code before the first counted join: the parsers on a few seconds of the source, then
     * a few real viewers for a moment (not counted). Without it, every load process's first joins measured the
     * client's own JIT warm-up (hundreds of ms while several JVMs compile on one core), not the server.
     */
    private void warmUp(long startMicros) throws IOException {
        long millis = Math.min(WARMUP_MILLIS, (startMicros - WallClock.micros()) / 1000 - 300);
        if (millis <= 0) return;
        if (plan.source() != null) {
            try (SourceFile source = SourceFile.read(plan.source())) {
                List<FlvTag> tags = source.tags().stream().filter(t -> t.timestamp() < 4_000).toList();
                ScannerWarmup.run(plan.protocol(), tags, millis / 2);
            }
        }
        long end = Math.min(startMicros - 300_000, WallClock.micros() + millis * 500);
        if (end <= WallClock.micros()) return;
        ViewerLoop loop = new ViewerLoop(new long[] {end, end, end, end}, end);
        PlayUrl url = PlayUrl.parse(plan.url());
        for (int i = 0; i < Math.min(WARMUP_VIEWERS, plan.viewers()); i++) loop.add(new Viewer(-1 - i, url, 0));
        loop.run(); // on this thread, until end; the viewers close with it
    }

    /** The stream's bitrate: given, or from the source file, or (last resort) the median viewer's. */
    private double streamKbps(List<ViewerStats> stats) throws IOException {
        if (plan.streamKbps() > 0) return plan.streamKbps();
        if (plan.source() != null) {
            boolean stamped = stats.stream().anyMatch(ViewerStats::sawStamps);
            try (SourceFile source = SourceFile.read(plan.source())) {
                return source.kbps(stamped);
            }
        }
        double[] kbps = stats.stream().filter(s -> !s.isStalledReader())
                .mapToDouble(s -> s.result(plan.durationSeconds(), -1).kbps()).sorted().toArray();
        return kbps.length == 0 ? -1 : kbps[kbps.length / 2];
    }

    private static int share(int total, int parts, int index) {
        return total / parts + (index < total % parts ? 1 : 0);
    }

    static long micros(double seconds) {
        return Math.round(seconds * 1_000_000);
    }

    static void sleepUntil(long epochMicros) throws InterruptedException {
        long wait = epochMicros - WallClock.micros();
        if (wait > 0) TimeUnit.MICROSECONDS.sleep(wait);
    }

    /** Reads server and client CPU time at the CPU window's start and end, on its own thread. */
    static final class CpuSampler {
        private final Thread thread;
        private volatile double server = -1;
        private volatile double client = -1;

        private CpuSampler(long[] marks, long[] serverPids, long[] clientPids) {
            thread = new Thread(() -> {
                try {
                    sleepUntil(marks[ViewerStats.MARK_CPU_START]);
                    double s0 = serverPids.length > 0 ? ProcStat.cpuSeconds(serverPids) : -1;
                    double c0 = ProcStat.cpuSeconds(clientPids);
                    sleepUntil(marks[ViewerStats.MARK_CPU_END]);
                    double s1 = serverPids.length > 0 ? ProcStat.cpuSeconds(serverPids) : -1;
                    double c1 = ProcStat.cpuSeconds(clientPids);
                    if (s0 >= 0 && s1 >= 0) server = s1 - s0;
                    if (c0 >= 0 && c1 >= 0) client = c1 - c0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "cpu-sampler");
            thread.setDaemon(true);
        }

        static CpuSampler start(long[] marks, long[] serverPids, long[] clientPids) {
            CpuSampler s = new CpuSampler(marks, serverPids, clientPids);
            s.thread.start();
            return s;
        }

        void join() throws InterruptedException {
            thread.join(10_000);
        }

        double serverSeconds() {
            return server;
        }

        double clientSeconds() {
            return client;
        }
    }
}
