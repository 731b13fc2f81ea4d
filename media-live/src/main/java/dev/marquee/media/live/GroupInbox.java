package dev.marquee.media.live;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.PlatformDependent;

import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hand-over from a source's event loop to one consumer group's loop: a lock-free queue, its size in
 * bytes, and the scheduling that runs the group's drain at most once per flush interval. When the group's
 * loop falls so far behind that the queue reaches its bound, the source stops feeding it, then re-seeds it
 * from the GOP cache once it has caught up, so the queue never grows without bound.
 */
final class GroupInbox {
    private final Queue<GroupEvent> queue = PlatformDependent.newMpscQueue();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final EventExecutor loop;
    private final long intervalNanos;
    private final long capBytes;
    private final Runnable scheduledDrain;
    private final Runnable urgentDrain;
    private volatile long lastDrainNanos;

    // Touched only on the source's event loop.
    int viewers;
    private boolean overflowing;
    private long droppedWhileOverflowing;

    GroupInbox(EventExecutor loop, LiveSettings settings, Runnable scheduledDrain, Runnable urgentDrain) {
        this.loop = loop;
        this.intervalNanos = settings.flushInterval().toNanos();
        this.capBytes = settings.inboxBytes();
        this.scheduledDrain = scheduledDrain;
        this.urgentDrain = urgentDrain;
        this.lastDrainNanos = System.nanoTime() - intervalNanos;
    }

    /** Source loop: passes a new frame on (retaining it), unless the group's loop is too far behind. */
    void feed(SharedFrame frame, GopCache gop, boolean inGop) {
        if (overflowing) {
            if (queuedBytes.get() > capBytes / 2) {
                droppedWhileOverflowing++;
                return;
            }
            overflowing = false;
            enqueue(new GroupEvent.Gap(droppedWhileOverflowing));
            droppedWhileOverflowing = 0;
            gop.replay(this::enqueue);
            if (!inGop) enqueue(frame.retain());
        } else if (queuedBytes.get() > capBytes) {
            overflowing = true;
            droppedWhileOverflowing = 1;
            return;
        } else {
            enqueue(frame.retain());
        }
        requestDrain();
    }

    /** Source loop: a new group starts from what a late joiner needs. */
    void seed(GopCache gop) {
        gop.replay(this::enqueue);
        requestDrain();
    }

    /** Source loop: a change that should not wait for the next flush (a join, the end). */
    void sendNow(GroupEvent event) {
        enqueue(event);
        execute(urgentDrain);
    }

    /** Group loop. */
    GroupEvent poll() {
        GroupEvent e = queue.poll();
        if (e instanceof SharedFrame f) queuedBytes.addAndGet(-f.size());
        return e;
    }

    /** Group loop, first thing in a scheduled drain: later frames schedule the next one. */
    void scheduledDrainStarted() {
        lastDrainNanos = System.nanoTime();
        drainScheduled.set(false);
    }

    private void enqueue(GroupEvent event) {
        if (event instanceof SharedFrame f) queuedBytes.addAndGet(f.size());
        queue.offer(event);
    }

    private void requestDrain() {
        if (drainScheduled.get() || !drainScheduled.compareAndSet(false, true)) return;
        long delay = lastDrainNanos + intervalNanos - System.nanoTime();
        try {
            if (delay <= 0) loop.execute(scheduledDrain);
            else loop.schedule(scheduledDrain, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            drainScheduled.set(false); // the server is stopping; its channels close anyway
        }
    }

    private void execute(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException shuttingDown) {
            // the server is stopping; nothing left to write to
        }
    }
}
