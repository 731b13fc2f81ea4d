package dev.marquee.bench.viewer;

import dev.marquee.bench.stats.ProbeJoin;
import dev.marquee.bench.stats.ViewerStats;
import dev.marquee.bench.stats.WallClock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Time to first keyframe as the method defines it: a few joins against the loaded server once the step has
 * settled, one every spacing. Each is a fresh {@link Viewer} on a {@link ViewerLoop} and a thread of its own that
 * connects, sends the play request, waits for the first video keyframe tag and leaves. The joins run beside the
 * load's loops, and their viewers are never among the load's.
 */
public final class JoinProbe {
    /** From one join's start to the next one's. */
    public static final long SPACING_MICROS = 500_000;
    /** A join without a keyframe by then has failed. */
    public static final long TIMEOUT_MICROS = 5_000_000;
    /** Ids below the warm-up viewers' (-1 … -10): a probe viewer is never taken for a load viewer. */
    private static final int FIRST_ID = -1_000;
    /** Beyond the joins' own bounds, what waiting for them allows for (a connect, a last select turn). */
    private static final long SLACK_MICROS = 1_000_000;

    private final PlayUrl url;
    private final int count;
    private final long spacingMicros;
    private final long timeoutMicros;
    private final List<ProbeJoin> joins = new CopyOnWriteArrayList<>(); // read by the waiting thread while it runs
    private Thread thread;
    private long startMicros;

    public JoinProbe(PlayUrl url, int count) {
        this(url, count, SPACING_MICROS, TIMEOUT_MICROS);
    }

    public JoinProbe(PlayUrl url, int count, long spacingMicros, long timeoutMicros) {
        if (count < 0 || spacingMicros < 0 || timeoutMicros <= 0) throw new IllegalArgumentException("bad probe plan");
        this.url = url;
        this.count = count;
        this.spacingMicros = spacingMicros;
        this.timeoutMicros = timeoutMicros;
    }

    /** Starts the joins at startMicros (epoch microseconds) on a thread of their own; none when count is 0. */
    public JoinProbe start(long startMicros) {
        if (thread != null) throw new IllegalStateException("probe already started");
        this.startMicros = startMicros;
        if (count == 0) return this; // the probe is off: no thread, no joins
        thread = new Thread(() -> {
            try {
                run(startMicros);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the joins made so far stand
            }
        }, "join-probe");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Waits for the started joins (bounded by their count, spacing and timeout) and returns them in order. */
    public List<ProbeJoin> await() throws InterruptedException {
        if (thread == null) return List.of();
        long bound = startMicros - WallClock.micros() + count * (Math.max(spacingMicros, timeoutMicros) + SLACK_MICROS);
        thread.join(Math.max(1, bound / 1000));
        if (thread.isAlive()) {
            thread.interrupt(); // cannot happen while every join keeps its timeout; never wait forever all the same
            thread.join(SLACK_MICROS / 1000);
        }
        return inOrder();
    }

    /**
     * Starts join i at start + i × spacing, each on a thread of its own, whether or not the one before has its
     * keyframe yet: a join waiting on the one before would start just after the keyframe that one got, and against
     * a server without a GOP cache every join would then wait a whole GOP. Returns them in order once all ended.
     */
    List<ProbeJoin> run(long startMicros) throws InterruptedException {
        List<Thread> running = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sleepUntil(startMicros + i * spacingMicros);
                int index = i;
                running.add(Thread.ofPlatform().name("join-probe-" + i).daemon()
                        .start(() -> joins.add(join(index, WallClock.micros()))));
            }
        } finally {
            for (Thread t : running) t.join(); // each ends by its own timeout
        }
        return inOrder();
    }

    private List<ProbeJoin> inOrder() {
        return joins.stream().sorted(Comparator.comparingLong(ProbeJoin::startEpochMs)).toList();
    }

    /** One join, from the TCP connect to the first keyframe, a failure or the timeout; the connection then closes. */
    private ProbeJoin join(int index, long startMicros) {
        Viewer viewer = new Viewer(FIRST_ID - index, url, 0);
        ViewerStats stats = viewer.stats();
        try {
            long end = startMicros + timeoutMicros;
            ViewerLoop loop = new ViewerLoop(new long[] {end, end, end, end}, end,
                    () -> stats.sawKeyframe() || stats.error() != null);
            loop.add(viewer);
            loop.run(); // on this thread; it closes the viewer when it returns
        } catch (RuntimeException e) {
            stats.fail(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (stats.sawKeyframe()) return new ProbeJoin(startMicros / 1000, stats.ttfkMs(), null);
        String why = stats.error() != null ? stats.error()
                : "no keyframe within " + timeoutMicros / 1000 + " ms (" + stats.bytes() + " bytes, " + stats.tags() + " tags)";
        return new ProbeJoin(startMicros / 1000, -1, why);
    }

    private static void sleepUntil(long epochMicros) throws InterruptedException {
        long wait = epochMicros - WallClock.micros();
        if (wait > 0) TimeUnit.MICROSECONDS.sleep(wait);
    }
}
