package dev.marquee.bench;

import dev.marquee.bench.stats.LoadReport;
import java.nio.file.Files;

/**
 * Holds N live viewers (HTTP-FLV or RTMP) against one stream and records, per viewer, the bitrate received
 * over the measurement window, stalls, time to first keyframe and server-added latency (from the stamps
 * {@link StampedPublisher} puts in every frame). Once the load has settled, a join probe makes
 * {@code --probe-joins} fresh joins (default 20, 0 for none) one after another and records each one's time to
 * first keyframe: the method's figure, beside the harsher one over every viewer's join during the ramp.
 * Prints one summary line and writes a JSON report.
 *
 * <pre>java -cp bench/target/marquee-bench.jar dev.marquee.bench.LiveLoad --protocol flv|rtmp --url URL \
 *     --viewers N [--duration 60s] [--ramp 5s] [--settle 5s] [--threads T] [--processes P] [--report out.json]
 *     [--source src.flv | --stream-kbps K] [--server-pid PID[,PID]] [--cpu-window 20s]
 *     [--stalled S] [--stalled-rcvbuf 4096] [--probe-joins 20] [--read-pace 0]</pre>
 */
public final class LiveLoad {
    private LiveLoad() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("slf4j.internal.verbosity", "ERROR"); // no logging backend here, and no need to say so
        LoadPlan plan;
        try {
            Options options = Options.parse(args, Options.names(LoadPlan.VALUED), Options.names(LoadPlan.FLAGS));
            if (options.has("help")) {
                usage();
                return;
            }
            plan = LoadPlan.from(options);
        } catch (IllegalArgumentException e) {
            System.err.println("LiveLoad: " + e.getMessage());
            usage();
            System.exit(2);
            return;
        }
        LoadReport report = new LoadRun(plan).run();
        if (plan.report() != null) Files.writeString(plan.report(), report.toJson());
        if (!plan.quiet()) System.out.println(report.summaryLine());
        System.exit(0); // selector threads are done; do not wait for anything else
    }

    private static void usage() {
        System.err.println("""
                usage: LiveLoad --protocol flv|rtmp --url URL [--viewers 100] [--duration 60s] [--ramp 5s] [--settle 5s]
                                [--threads T] [--processes P] [--report out.json] [--source src.flv | --stream-kbps K]
                                [--server-pid PID[,PID...]] [--cpu-window 20s] [--stalled S] [--stalled-rcvbuf 4096]
                                [--probe-joins 20] [--read-pace 0]
                  flv:  http://HOST:PORT/live/NAME.flv        rtmp: rtmp://HOST:PORT/APP/NAME
                  --probe-joins N: once the load has settled, N fresh joins 0.5 s apart (5 s timeout each) measure
                                   time to first keyframe as the method defines it; 0 turns the probe off
                  --read-pace D:   each load thread reads its sockets at most once per D (e.g. 50ms, at most 100ms):
                                   fewer, larger reads; arrival times (latency, ttfk) late by up to D""");
    }
}
