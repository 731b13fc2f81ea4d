package dev.marquee.platform.community;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sockets watching one video or live channel. A published frame goes into a ring of the newest frames;
 * each socket's writer follows the ring with its own cursor, so publishing never waits on a socket and a
 * socket that falls a whole ring behind skips ahead (and counts what it missed). Writers are woken at most
 * once per flush interval: in a busy room each wake-up writes several frames in one go, as the live video
 * fan-out batches its flushes; in a quiet one a frame goes out at once.
 */
public final class Room {
    /** Frames a socket may be behind before it skips; 20 s of a busy chat at 50 messages a second. */
    public static final int RING = 1024;

    private final String name;
    private final RoomFrame[] ring = new RoomFrame[RING];
    private final AtomicLong published = new AtomicLong();
    private volatile long end;
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;
    private final long intervalNanos;
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private volatile long lastWakeNanos;

    /** A socket's writer, told when there is more to send. */
    public interface Listener {
        void wake();
    }

    /** @param ticker runs delayed wake-ups; {@code flushInterval} is the least time between two of them */
    public Room(String name, ScheduledExecutorService ticker, Duration flushInterval) {
        this.name = name;
        this.ticker = ticker;
        this.intervalNanos = flushInterval.toNanos();
        this.lastWakeNanos = System.nanoTime() - intervalNanos;
    }

    public String name() {
        return name;
    }

    /** Sockets in the room now. */
    public int size() {
        return listeners.size();
    }

    /** Sends the frame to every socket in the room (serialized once, shared). */
    public void publish(RoomFrame frame) {
        synchronized (ring) {
            long seq = published.getAndIncrement();
            ring[(int) (seq % RING)] = frame;
            end = seq + 1;
        }
        requestWake();
    }

    private void requestWake() {
        if (wakeScheduled.get() || !wakeScheduled.compareAndSet(false, true)) return; // the pending wake-up takes it
        long delay = lastWakeNanos + intervalNanos - System.nanoTime();
        if (delay <= 0) {
            wakeAll();
            return;
        }
        try {
            ticker.schedule(this::wakeAll, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            wakeAll();
        }
    }

    private void wakeAll() {
        lastWakeNanos = System.nanoTime();
        wakeScheduled.set(false); // before the walk: a frame published during it schedules the next wake-up
        for (Listener l : listeners) l.wake();
    }

    /** The sequence number the next frame will get. */
    public long end() {
        return end;
    }

    /**
     * Frame seq, or null when it has been overwritten (the reader fell a ring behind). Reads the slot, then
     * checks it still holds seq: the publisher writes the slot before it moves {@code end}.
     */
    public RoomFrame frame(long seq) {
        RoomFrame f = ring[(int) (seq % RING)];
        return end - seq > RING ? null : f;
    }

    public void listen(Listener listener) {
        listeners.add(listener);
    }

    public void unlisten(Listener listener) {
        listeners.remove(listener);
    }
}
