package dev.marquee.media.live;

import dev.marquee.media.core.flv.FlvTag;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A viewer connection that decodes and records what it is sent, and can pretend to be slow. */
final class RecordingSink implements LiveSink {

    /** One frame as the viewer got it. */
    record Received(int type, long timestamp, int firstByte, int secondByte, Object memory) {
        boolean isVideo() {
            return type == FlvTag.VIDEO;
        }

        boolean isKeyframe() {
            return type == FlvTag.VIDEO && firstByte == 0x17 && secondByte == 1;
        }

        boolean isVideoHeader() {
            return type == FlvTag.VIDEO && secondByte == 0;
        }

        boolean isAudioHeader() {
            return type == FlvTag.AUDIO && secondByte == 0;
        }

        boolean isMetadata() {
            return type == FlvTag.SCRIPT;
        }

        boolean isHeader() {
            return isMetadata() || isVideoHeader() || isAudioHeader();
        }
    }

    /** Numbers every write of every sink, so a test can tell which viewer was written first. */
    private static final AtomicLong WRITE_ORDER = new AtomicLong();

    private final EventExecutor executor;
    private final FrameForm form;
    private volatile long firstWrite = -1;
    private volatile long lastWrite = -1;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger flushes = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger offLoopCalls = new AtomicInteger();
    private final AtomicInteger writesAfterEnd = new AtomicInteger();
    private final AtomicInteger startedCalls = new AtomicInteger();
    private volatile boolean writable = true;
    private volatile long busyWriteNanos;
    private volatile long lastWriteNanos = -1;
    private volatile boolean ended;

    RecordingSink(EventExecutor executor, FrameForm form) {
        this.executor = executor;
        this.form = form;
    }

    @Override
    public EventExecutor executor() {
        return executor;
    }

    @Override
    public FrameForm form() {
        return form;
    }

    @Override
    public boolean isWritable() {
        return writable;
    }

    /** Makes every write take this long on the loop, as a costly socket write would. */
    void busyWrites(Duration each) {
        busyWriteNanos = each.toNanos();
    }

    void writable(boolean value) {
        writable = value;
    }

    @Override
    public void write(ByteBuf bytes) {
        checkLoop();
        if (ended) writesAfterEnd.incrementAndGet();
        lastWrite = WRITE_ORDER.incrementAndGet();
        if (firstWrite < 0) firstWrite = lastWrite;
        writes.incrementAndGet();
        for (long until = System.nanoTime() + busyWriteNanos; busyWriteNanos > 0 && System.nanoTime() < until; ) {
            Thread.onSpinWait();
        }
        lastWriteNanos = System.nanoTime();
        Object memory = bytes.hasArray() ? bytes.array() : null;
        // one write may carry several frames (a merged run): split them by their length fields
        for (int at = bytes.readerIndex(); at < bytes.writerIndex(); at += CountingForm.HEADER_BYTES + bytes.getInt(at + 5)) {
            int body = at + CountingForm.HEADER_BYTES;
            Received r = new Received(bytes.getUnsignedByte(at), bytes.getUnsignedInt(at + 1),
                    bytes.getUnsignedByte(body), bytes.getUnsignedByte(body + 1), memory);
            synchronized (received) {
                received.add(r);
            }
        }
        bytes.release();
    }

    @Override
    public void flush() {
        checkLoop();
        flushes.incrementAndGet();
    }

    @Override
    public void onStarted() {
        checkLoop();
        synchronized (received) {
            if (!received.isEmpty()) offLoopCalls.incrementAndGet(); // started must come before any frame
        }
        startedCalls.incrementAndGet();
    }

    @Override
    public void end() {
        checkLoop();
        ended = true;
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    List<Received> media() {
        return received().stream().filter(r -> !r.isHeader()).toList();
    }

    int count() {
        synchronized (received) {
            return received.size();
        }
    }

    /** When this sink was first written, in the order of all sinks' writes; -1 before the first. */
    long firstWrite() {
        return firstWrite;
    }

    /** When this sink was last written, in the order of all sinks' writes; -1 before the first. */
    long lastWrite() {
        return lastWrite;
    }

    /** Buffers written: a merged run counts once however many frames it carries. */
    int writes() {
        return writes.get();
    }

    /** System.nanoTime() of the last write; -1 before the first. */
    long lastWriteNanos() {
        return lastWriteNanos;
    }

    int flushes() {
        return flushes.get();
    }

    int startedCalls() {
        return startedCalls.get();
    }

    boolean ended() {
        return ended;
    }

    /** Calls off the sink's loop, writes after the end, or a start after the first write: all must be zero. */
    int misuse() {
        return offLoopCalls.get() + writesAfterEnd.get();
    }

    private void checkLoop() {
        if (!executor.inEventLoop()) offLoopCalls.incrementAndGet();
    }
}
