package dev.marquee.bench.chat;

import dev.marquee.bench.stats.LatencyHistogram;
import dev.marquee.bench.stats.WallClock;
import java.net.http.WebSocket;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client socket of the room. Each chat frame's text carries its send time in epoch microseconds, so the
 * delivery latency is measured on the clock sender and receiver share. Histograms are per thread (the HTTP
 * client's few executor threads), merged at the end.
 */
final class ChatSocket implements WebSocket.Listener {
    static final String PREFIX = "bench ";
    private static final String TEXT_FIELD = "\"text\":\"" + PREFIX;
    /** Seconds of the timeline: latency per second of send time, to tell a steady delay from a burst. */
    static final int SECONDS = 600;
    private static final Queue<LatencyHistogram[]> ALL = new ConcurrentLinkedQueue<>();
    private static final ThreadLocal<LatencyHistogram[]> MINE = ThreadLocal.withInitial(() -> {
        LatencyHistogram[] h = new LatencyHistogram[SECONDS];
        ALL.add(h);
        return h;
    });

    static final AtomicLong delivered = new AtomicLong();
    static final AtomicLong errors = new AtomicLong();
    static final AtomicLong closed = new AtomicLong();
    /** Deliveries of messages sent before this time (warm-up) are not counted. */
    static volatile long countFromMicros = Long.MAX_VALUE;

    private final StringBuilder partial = new StringBuilder();
    volatile WebSocket socket;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!last || !partial.isEmpty()) {
            partial.append(data);
            if (!last) return null;
            data = partial.toString();
            partial.setLength(0);
        }
        receive(data.toString());
        return null;
    }

    private void receive(String frame) {
        long now = WallClock.micros();
        if (frame.startsWith("{\"type\":\"chat\"")) {
            int at = frame.indexOf(TEXT_FIELD);
            if (at < 0) return;
            int from = at + TEXT_FIELD.length();
            int to = frame.indexOf(' ', from);
            recordDelivery(Long.parseLong(frame, from, to, 10), now);
        } else if (frame.startsWith("{\"type\":\"error\"")) {
            errors.incrementAndGet();
        }
    }

    /** A line stamped at {@code sentMicros} arrived at {@code nowMicros} (counted only inside the window). */
    static void recordDelivery(long sentMicros, long nowMicros) {
        if (sentMicros < countFromMicros) return;
        delivered.incrementAndGet();
        int second = (int) Math.min(SECONDS - 1, (sentMicros - countFromMicros) / 1_000_000);
        LatencyHistogram[] mine = MINE.get();
        if (mine[second] == null) mine[second] = new LatencyHistogram();
        mine[second].record(nowMicros - sentMicros);
    }

    /** Sends a stamped chat line after the previous send of this socket completed. */
    synchronized void sendChat(long seq) {
        WebSocket ws = socket;
        if (ws == null) return;
        sending = sending.thenCompose(x -> ws.sendText("{\"type\":\"chat\",\"text\":\"" + PREFIX + WallClock.micros()
                + " #" + seq + "\"}", true)).exceptionally(e -> {
            errors.incrementAndGet();
            return null;
        });
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.incrementAndGet();
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.incrementAndGet();
    }

    /** Every delivery's latency, or (second >= 0) those of lines sent in that second of the window. */
    static LatencyHistogram merged(int second) {
        LatencyHistogram all = new LatencyHistogram();
        for (LatencyHistogram[] hs : ALL)
            for (int i = 0; i < SECONDS; i++) if (hs[i] != null && (second < 0 || second == i)) all.add(hs[i]);
        return all;
    }
}
