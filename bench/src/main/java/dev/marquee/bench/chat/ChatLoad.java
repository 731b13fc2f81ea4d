package dev.marquee.bench.chat;

import dev.marquee.bench.stats.LatencyHistogram;
import dev.marquee.bench.stats.ProcStat;
import dev.marquee.bench.stats.WallClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One live chat room under load: {@code --sockets} WebSocket clients join {@code /ws/live/{channel}}, the
 * first {@code --senders} of them signed in as accounts it registers, and those send {@code --rate} chat
 * lines a second in total, each stamped with its send time. Every socket counts the lines it receives and
 * their delivery latency. Reports deliveries a second, p50/p99/max latency, failures and server CPU.
 *
 * <pre>java -cp bench/target/marquee-bench.jar dev.marquee.bench.chat.ChatLoad --site http://127.0.0.1:8080 \
 *     --channel NAME [--sockets 2000] [--senders 200] [--rate 50] [--duration 30] [--warmup 5]
 *     [--server-pid PID] [--threads 2] [--raw yes|no]</pre>
 *
 * <p>Senders are java.net.http WebSockets; the other sockets only listen, on one NIO thread ({@link RawReceivers})
 * unless {@code --raw no}.
 */
public final class ChatLoad {
    private ChatLoad() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String site = o.getOrDefault("site", "http://127.0.0.1:8080");
        String channel = o.get("channel");
        if (channel == null) throw new IllegalArgumentException("--channel is required");
        int sockets = Integer.parseInt(o.getOrDefault("sockets", "2000"));
        int senders = Math.min(sockets, Integer.parseInt(o.getOrDefault("senders", "200")));
        double rate = Double.parseDouble(o.getOrDefault("rate", "50"));
        int duration = Integer.parseInt(o.getOrDefault("duration", "30"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "5"));
        int threads = Integer.parseInt(o.getOrDefault("threads", "2"));
        long serverPid = Long.parseLong(o.getOrDefault("server-pid", "0"));
        boolean raw = !o.getOrDefault("raw", "yes").equals("no"); // listeners on NIO (cheap) or java.net.http

        log("registering and signing in %d sender accounts", senders);
        List<String> tokens = BenchAccounts.tokens(site, o.getOrDefault("prefix", "chatbench"), senders, 4);

        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(threads)).build();
        String ws = site.replaceFirst("^http", "ws") + "/ws/live/" + channel;
        List<ChatSocket> all = new ArrayList<>(sockets);
        Semaphore opening = new Semaphore(64); // handshakes in flight
        AtomicLong refused = new AtomicLong();
        long joinStart = System.nanoTime();
        List<CompletableFuture<?>> joins = new ArrayList<>();
        int listeners = raw ? sockets - senders : 0;
        RawReceivers receivers = new RawReceivers();
        for (int i = 0; i < listeners; i++) receivers.connect(URI.create(ws));
        Thread receiverLoop = new Thread(receivers, "raw-receivers");
        receiverLoop.setDaemon(true);
        receiverLoop.start();
        for (int i = 0; i < sockets - listeners; i++) {
            ChatSocket s = new ChatSocket();
            all.add(s);
            String url = i < senders ? ws + "?access_token=" + tokens.get(i) : ws;
            opening.acquire();
            joins.add(http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20)).buildAsync(URI.create(url), s)
                    .handle((socket, e) -> {
                        opening.release();
                        if (e != null) refused.incrementAndGet();
                        else s.socket = socket;
                        return null;
                    }));
        }
        CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).join();
        long rawDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (receivers.open() + receivers.failed() < listeners && System.nanoTime() < rawDeadline) Thread.sleep(20);
        refused.addAndGet(listeners - receivers.open());
        double joinSeconds = (System.nanoTime() - joinStart) / 1e9;
        log("%d sockets joined in %.1f s (%d refused)", sockets - refused.get(), joinSeconds, refused.get());

        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        AtomicLong seq = new AtomicLong();
        AtomicLong sentCounted = new AtomicLong();
        long periodMicros = Math.round(1_000_000 / rate);
        clock.scheduleAtFixedRate(() -> {
            long n = seq.getAndIncrement();
            if (WallClock.micros() >= ChatSocket.countFromMicros) sentCounted.incrementAndGet();
            all.get((int) (n % senders)).sendChat(n);
        }, 0, periodMicros, TimeUnit.MICROSECONDS);

        Thread.sleep(warmup * 1000L);
        long errorsBefore = ChatSocket.errors.get();
        ChatSocket.countFromMicros = WallClock.micros();
        long t0 = System.nanoTime();
        double cpu0 = serverPid > 0 ? ProcStat.cpuSeconds(serverPid) : -1;
        double me0 = ProcStat.cpuSeconds(ProcessHandle.current().pid());
        Thread.sleep(duration * 1000L);
        double cpu1 = serverPid > 0 ? ProcStat.cpuSeconds(serverPid) : -1;
        double me1 = ProcStat.cpuSeconds(ProcessHandle.current().pid());
        double window = (System.nanoTime() - t0) / 1e9;
        long sent = sentCounted.get();
        clock.shutdownNow();
        Thread.sleep(2000); // let the last lines arrive
        long delivered = ChatSocket.delivered.get();
        LatencyHistogram latency = ChatSocket.merged(-1);
        long open = sockets - refused.get() - ChatSocket.closed.get();
        long expected = sent * open;

        System.out.printf("""
                | measure | value |
                |---|---|
                | sockets in the room (senders) | %d (%d) |
                | join time for all sockets | %.1f s |
                | chat lines sent / s (window %.0f s) | %.1f |
                | deliveries / s | %.0f |
                | deliveries counted / expected | %d / %d (%.3f%%) |
                | delivery latency p50 / p99 / max | %.1f / %.1f / %.1f ms |
                | failures: refused joins, closed sockets, error frames | %d, %d, %d |
                | server CPU (pid %d) | %s |
                | load client CPU | %.0f%% of one core |
                %n""", open, senders, joinSeconds, window, sent / window, delivered / window, delivered, expected,
                expected == 0 ? 0 : 100.0 * delivered / expected, latency.percentile(50) / 1000, latency.percentile(99) / 1000,
                latency.max() / 1000.0, refused.get(), ChatSocket.closed.get(), ChatSocket.errors.get() - errorsBefore,
                serverPid, cpu0 < 0 ? "n/a" : String.format("%.0f%% of one core", (cpu1 - cpu0) / window * 100),
                (me1 - me0) / window * 100);
        if (o.containsKey("timeline")) {
            System.out.println("second of the window: deliveries, p50 / p99 / max latency (ms)");
            for (int sec = 0; sec < Math.min(duration, ChatSocket.SECONDS); sec++) {
                LatencyHistogram h = ChatSocket.merged(sec);
                System.out.printf("%3d: %7d  %8.1f / %8.1f / %8.1f%n", sec, h.count(), h.percentile(50) / 1000,
                        h.percentile(99) / 1000, h.max() / 1000.0);
            }
        }
        System.exit(0);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) throw new IllegalArgumentException("bad option " + args[i]);
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }

    private static void log(String format, Object... args) {
        System.err.printf("== " + format + "%n", args);
    }
}
