package dev.marquee.media.live;

import io.netty.buffer.ByteBuf;

/**
 * Runs of consecutive frames copied into one buffer per form, so that a viewer in step with the others (nearly
 * every viewer, nearly every round) is written one buffer instead of one per frame: one write through its
 * pipeline and one entry in its outbound buffer instead of a dozen. The first viewer that needs a run builds it;
 * every other viewer at the same position shares it by reference, so copies grow with rounds, never with
 * viewers. Holds only runs that end at the window's current end. Confined to the group's event loop.
 */
final class MergedRuns {
    /**
     * Positions held at once; a viewer in step with none of them is written frame by frame. A round hands out the
     * frames that come while it runs, so its viewers end it at one position per slice that saw new frames, and
     * start the next round from as many.
     */
    static final int CAPACITY = 16;

    private final FrameForm[] forms = new FrameForm[CAPACITY];
    private final long[] starts = new long[CAPACITY];
    private final ByteBuf[] runs = new ByteBuf[CAPACITY];
    private int size;
    private long end = -1;

    /** Frames [from, end) of the window in {@code form} as one buffer the caller owns; null when no room is left. */
    ByteBuf retained(FrameWindow window, FrameForm form, long from, long end) {
        if (end != this.end) {
            release();
            this.end = end;
        }
        for (int i = 0; i < size; i++) {
            if (starts[i] == from && forms[i].equals(form)) return runs[i].retainedDuplicate();
        }
        if (size == CAPACITY) return null;
        ByteBuf run = copy(window, form, from, end);
        forms[size] = form;
        starts[size] = from;
        runs[size] = run;
        size++;
        return run.retainedDuplicate();
    }

    /** Lets go of every run; viewers still writing one keep it alive by their own reference. */
    void release() {
        for (int i = 0; i < size; i++) {
            runs[i].release();
            runs[i] = null;
            forms[i] = null;
        }
        size = 0;
        end = -1;
    }

    private static ByteBuf copy(FrameWindow window, FrameForm form, long from, long end) {
        int length = 0;
        for (long s = from; s < end; s++) length += window.get(s).bytes(form).readableBytes();
        ByteBuf first = window.get(from).bytes(form);
        // the kind of memory the frames are in: pooled direct on the server, so a run goes out without another copy
        ByteBuf run = first.isDirect() ? first.alloc().directBuffer(length) : first.alloc().heapBuffer(length);
        for (long s = from; s < end; s++) {
            ByteBuf bytes = window.get(s).bytes(form);
            run.writeBytes(bytes, bytes.readerIndex(), bytes.readableBytes());
        }
        return run;
    }
}
