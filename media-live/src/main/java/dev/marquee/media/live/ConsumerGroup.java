package dev.marquee.media.live;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The viewers of one stream whose connections live on one event loop. The source hands it each frame once,
 * through its {@link GroupInbox}; on a drain (at most once per flush interval) it writes every viewer what it
 * is owed while the viewer can take it, flushes each viewer once, skips viewers that fell too far behind to
 * the newest keyframe, and trims the window to what is still needed. A viewer in step with others is written
 * the round's frames as one shared {@link MergedRuns run}. Confined to that event loop.
 *
 * <p>A round over thousands of viewers takes milliseconds, so it runs in slices, each one task on the loop:
 * a newcomer's join, a new request and socket events run between slices instead of waiting for the round.
 * Each slice first takes in what came since the round began, so a frame waits at most a flush interval for
 * any viewer, not an interval plus the round.
 */
final class ConsumerGroup {
    private static final InternalLogger log = InternalLoggerFactory.getInstance(ConsumerGroup.class);
    /** Viewers served per task of a round: about a tenth of a millisecond each. */
    static final int SLICE = 64;

    final GroupInbox inbox;
    private final EventExecutor loop;
    private final Runnable nextSlice = this::serveSlice;
    /** The index of the next viewer of the running round; -1 when no round runs. */
    private int roundNext = -1;
    /** A scheduled drain came while a round ran: start another when this one ends. */
    private boolean roundAgain;
    private final FrameWindow window = new FrameWindow();
    private final MergedRuns runs = new MergedRuns();
    private final List<LiveConsumer> viewers = new ArrayList<>();
    private final long backlogMillis;
    private final long backlogBytes;
    private final long windowMillis;
    private final long windowBytes;
    private final long gopMillis;
    private final long gopBytes;
    private boolean closed;

    ConsumerGroup(EventExecutor loop, LiveSettings settings) {
        this.loop = loop;
        this.inbox = new GroupInbox(loop, settings, () -> drain(true), () -> drain(false));
        this.backlogMillis = settings.maxBacklog().toMillis();
        this.backlogBytes = settings.maxBacklogBytes();
        this.windowMillis = settings.windowMillis();
        this.windowBytes = settings.windowBytes();
        this.gopMillis = settings.gopCacheDuration().toMillis();
        this.gopBytes = settings.gopCacheBytes();
    }

    /** A viewer closed; its loop is this group's loop. */
    void remove(LiveConsumer viewer) {
        viewers.remove(viewer);
    }

    /**
     * A scheduled drain serves everyone; an urgent one (a join, the end) only takes in the inbox and serves
     * the viewers that just joined, so a newcomer starts at once without costing the others a flush.
     */
    private void drain(boolean scheduled) {
        if (scheduled) inbox.scheduledDrainStarted();
        if (!takeIn()) return;
        for (int i = 0; i < viewers.size(); i++) {
            LiveConsumer viewer = viewers.get(i);
            if (viewer.fresh) serve(viewer);
        }
        if (!scheduled) return;
        if (roundNext >= 0) {
            roundAgain = true;
        } else {
            roundNext = 0;
            serveSlice();
        }
    }

    /**
     * Moves what the inbox holds into the window and the viewer list, ending the group if the stream ended;
     * false once the group is closed.
     */
    private boolean takeIn() {
        boolean ending = false;
        GroupEvent event;
        while ((event = inbox.poll()) != null) {
            if (closed) {
                if (event instanceof SharedFrame f) f.release();
                continue;
            }
            switch (event) {
                case SharedFrame frame -> window.append(frame);
                case GroupEvent.Join join -> join(join.consumer());
                case GroupEvent.Gap gap -> restartAll(gap.frames());
                case GroupEvent.SessionEnded sessionEnded -> window.forgetNewestSync();
                case GroupEvent.End end -> ending = true;
                case GroupEvent.Close close -> closeGroup();
            }
        }
        if (closed) return false;
        if (ending) {
            for (int i = 0; i < viewers.size(); i++) serve(viewers.get(i));
            endAll();
            return false;
        }
        return true;
    }

    /** Serves the next slice of the round; queues the rest behind whatever else waits on the loop. */
    private void serveSlice() {
        if (closed || roundNext < 0) return;
        if (!takeIn()) return; // frames that came since the round began go to the viewers it has not reached yet
        int end = Math.min(viewers.size(), roundNext + SLICE);
        for (int i = roundNext; i < end; i++) serve(viewers.get(i));
        roundNext = end;
        if (end < viewers.size()) {
            queueNextSlice();
            return;
        }
        trim();
        runs.release();
        roundNext = roundAgain ? 0 : -1;
        if (roundAgain) {
            roundAgain = false;
            queueNextSlice();
        }
    }

    /**
     * Scheduled, not executed: an event loop runs the tasks queued while it runs tasks in the same pass, so
     * executed slices would hold off its I/O (a newcomer's request, a player's play command) for the whole
     * round; a due scheduled task waits for the next pass, after the loop has polled its sockets.
     */
    private void queueNextSlice() {
        try {
            loop.schedule(nextSlice, 0, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            roundNext = -1; // the server is stopping; its channels close anyway
        }
    }

    private void join(LiveConsumer viewer) {
        if (viewer.closed) return; // closed before its join got here
        viewer.group = this;
        viewer.fresh = true;
        viewer.waiting = true;
        long sync = window.newestSyncSeq();
        viewer.waitFrom = sync >= 0 && withinGop(sync) ? sync : window.endSeq();
        viewers.add(viewer);
    }

    private void serve(LiveConsumer viewer) {
        viewer.fresh = false;
        long end = window.endSeq();
        int written = 0;
        if (viewer.waiting) {
            long sync = window.firstSyncFrom(viewer.waitFrom);
            // A viewer that had started is owed what passes while it waits; a newcomer never was.
            if (viewer.started) viewer.countDropped(window.countMedia(viewer.waitFrom, sync < 0 ? end : sync));
            if (sync < 0) {
                viewer.waitFrom = end;
                return;
            }
            written += startAt(viewer, sync);
        } else if (isBehind(viewer.cursor, backlogMillis, backlogBytes)) {
            long newest = window.newestSyncSeq();
            if (newest > viewer.cursor) {
                viewer.countDropped(window.countMedia(viewer.cursor, newest));
                written += startAt(viewer, newest);
            } else if (isBehind(viewer.cursor, windowMillis, windowBytes)) {
                // No newer keyframe to jump to and the window cannot hold more: drop it all and wait.
                viewer.countDropped(window.countMedia(viewer.cursor, end));
                viewer.waiting = true;
                viewer.waitFrom = end;
                return;
            }
        }
        LiveSink sink = viewer.sink();
        FrameForm form = sink.form();
        if (end - viewer.cursor > 1 && !viewer.closed && sink.isWritable()) {
            ByteBuf run = runs.retained(window, form, viewer.cursor, end);
            if (run != null) {
                for (long s = viewer.cursor; s < end; s++) noteHeader(viewer, window.get(s));
                sink.write(run);
                written += (int) (end - viewer.cursor);
                viewer.cursor = end;
            }
        }
        while (viewer.cursor < end && !viewer.closed && sink.isWritable()) {
            SharedFrame frame = window.get(viewer.cursor++);
            sink.write(frame.retainedView(form));
            noteHeader(viewer, frame);
            written++;
        }
        if (written > 0) {
            sink.flush();
            viewer.countSent(written);
        }
    }

    private static void noteHeader(LiveConsumer viewer, SharedFrame frame) {
        if (frame.kind().isHeader()) viewer.sentHeaders[frame.kind().headerSlot] = frame;
    }

    /** Positions the viewer at a keyframe, first writing the headers in force there that it lacks. */
    private int startAt(LiveConsumer viewer, long sync) {
        LiveSink sink = viewer.sink();
        if (!viewer.started) {
            viewer.started = true;
            sink.onStarted();
        }
        int written = 0;
        for (FrameKind kind : FrameKind.HEADERS) {
            long seq = window.headerSeqBefore(sync, kind);
            if (seq < 0) continue;
            SharedFrame header = window.header(seq, kind);
            if (header != viewer.sentHeaders[kind.headerSlot]) {
                sink.write(header.retainedView(sink.form()));
                viewer.sentHeaders[kind.headerSlot] = header;
                written++;
            }
        }
        viewer.cursor = sync;
        viewer.waiting = false;
        return written;
    }

    /** After a gap nobody can go on where they were: all wait for the keyframe the re-seed brings. */
    private void restartAll(long lostFrames) {
        long end = window.endSeq();
        for (LiveConsumer viewer : viewers) {
            long from = viewer.waiting ? viewer.waitFrom : viewer.cursor;
            if (viewer.started) viewer.countDropped(lostFrames + window.countMedia(from, end));
            viewer.waiting = true;
            viewer.waitFrom = end;
        }
        window.trimBefore(end);
    }

    /**
     * Keeps what the slowest viewer still owes (a waiting viewer: until its next drain looks for a keyframe),
     * and the newest keyframe onward for joiners if that GOP is not too long.
     */
    private void trim() {
        long keepFrom = window.endSeq();
        for (LiveConsumer viewer : viewers) {
            keepFrom = Math.min(keepFrom, viewer.waiting ? viewer.waitFrom : viewer.cursor);
        }
        long sync = window.newestSyncSeq();
        if (sync >= 0 && withinGop(sync)) keepFrom = Math.min(keepFrom, sync);
        window.trimBefore(keepFrom);
    }

    private void endAll() {
        for (LiveConsumer viewer : viewers) {
            viewer.closed = true;
            try {
                viewer.sink().end();
            } catch (RuntimeException e) { // one sink's failure must not keep the end from the others
                log.warn("a live sink failed to end", e);
            }
        }
        closeGroup();
    }

    private void closeGroup() {
        closed = true;
        roundNext = -1;
        viewers.clear();
        runs.release();
        window.release();
    }

    private boolean withinGop(long seq) {
        return window.millisFrom(seq) <= gopMillis && window.bytesFrom(seq) <= gopBytes;
    }

    private boolean isBehind(long seq, long millis, long bytes) {
        return window.millisFrom(seq) > millis || window.bytesFrom(seq) > bytes;
    }
}
