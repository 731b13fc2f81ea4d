package dev.marquee.bench.viewer;

import dev.marquee.bench.stats.ViewerStats;
import dev.marquee.bench.stats.WallClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

/**
 * One selector thread holding many viewers: it opens the viewers handed to it, reads every ready socket into
 * one large direct buffer, snapshots every viewer's byte count at the window marks, and stops at its end time
 * (or earlier, on the first turn its stop condition holds).
 */
public final class ViewerLoop implements Runnable {
    private static final int READ_BUFFER = 256 * 1024;
    private static final long MAX_SELECT_MILLIS = 50;

    private final Selector selector;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(READ_BUFFER);
    private final Queue<Viewer> incoming = new ConcurrentLinkedQueue<>();
    private final List<Viewer> viewers = new ArrayList<>();
    private final long[] marks;
    private final long endMicros;
    private final BooleanSupplier done;
    private long paceMicros;
    private int nextMark;

    /** @param marksMicros window marks in {@link ViewerStats} order (non-decreasing), epoch microseconds */
    public ViewerLoop(long[] marksMicros, long endMicros) {
        this(marksMicros, endMicros, () -> false);
    }

    /** @param done checked on the loop's thread after every turn; true ends the loop before its end time */
    public ViewerLoop(long[] marksMicros, long endMicros, BooleanSupplier done) {
        this.marks = marksMicros.clone();
        this.endMicros = endMicros;
        this.done = done;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the sockets at most once per {@code micros} (0: as soon as they are ready). A server that writes every
     * frame to every socket costs a reader that wakes for each write a whole core at 2,000 viewers; paced, each
     * read takes what a few writes brought. Arrival times are then late by up to the pace: latency reads high.
     */
    public ViewerLoop pacedAt(long micros) {
        this.paceMicros = Math.max(0, micros);
        return this;
    }

    /** Hands a viewer to the loop (any thread); it connects on the loop's next turn. */
    public void add(Viewer viewer) {
        incoming.add(viewer);
        selector.wakeup();
    }

    /** The viewers this loop held; read it after the thread has ended. */
    public List<ViewerStats> stats() {
        return viewers.stream().map(Viewer::stats).toList();
    }

    @Override
    public void run() {
        try {
            while (true) {
                long now = WallClock.micros();
                for (Viewer v; (v = incoming.poll()) != null; ) {
                    viewers.add(v);
                    v.open(selector, now);
                }
                while (nextMark < marks.length && now >= marks[nextMark]) {
                    for (Viewer v : viewers) v.stats().mark(nextMark, now);
                    nextMark++;
                }
                if (now >= endMicros || done.getAsBoolean()) return;
                long next = nextMark < marks.length ? Math.min(marks[nextMark], endMicros) : endMicros;
                long timeout = Math.clamp((next - now) / 1000, 1, MAX_SELECT_MILLIS);
                selector.select(this::handle, timeout);
                if (paceMicros > 0) pause(Math.min(now + paceMicros, next) - WallClock.micros());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (Viewer v : viewers) v.close();
            try {
                selector.close();
            } catch (IOException ignored) {
                // shutting down
            }
        }
    }

    private static void pause(long micros) {
        if (micros <= 0) return;
        try {
            Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(SelectionKey key) {
        Viewer viewer = (Viewer) key.attachment();
        long now = WallClock.micros();
        try {
            if (key.isValid() && key.isConnectable()) viewer.onConnectable(now);
            if (key.isValid() && key.isWritable()) viewer.onWritable();
            if (key.isValid() && key.isReadable()) viewer.onReadable(buffer, now);
        } catch (IOException | RuntimeException e) {
            viewer.fail(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
