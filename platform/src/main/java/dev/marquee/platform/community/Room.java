package dev.marquee.platform.community;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sockets watching one video or live channel. A published frame goes into a ring of the newest frames;
 * each socket's writer follows the ring with its own cursor, so publishing never waits on a socket and a
 * socket that falls a whole ring behind skips ahead (and counts what it missed).
 */
public final class Room {
    /** Frames a socket may be behind before it skips; 20 s of a busy chat at 50 messages a second. */
    public static final int RING = 1024;

    private final String name;
    private final RoomFrame[] ring = new RoomFrame[RING];
    private final AtomicLong published = new AtomicLong();
    private volatile long end;
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();

    /** A socket's writer, told when there is more to send. */
    public interface Listener {
        void wake();
    }

    public Room(String name) {
        this.name = name;
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
