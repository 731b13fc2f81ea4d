package dev.marquee.media.server.live;

import dev.marquee.media.core.flv.FlvDurationPatch;
import dev.marquee.media.core.flv.FlvTagWriter;
import dev.marquee.media.server.spi.StreamLifecycleListener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a live session to an FLV file from the same shared FLV-form buffers the viewers get: no
 * re-encoding, no extra copy. When the stream ends the file goes to the lifecycle listener (replay).
 */
final class RecordingSink extends CompanionSink {
    private static final Logger log = LoggerFactory.getLogger(RecordingSink.class);
    private static final int FLV_TAG_HEADER = FlvTagWriter.TAG_HEADER_SIZE;

    private final String stream;
    private final Path file;
    private final StreamLifecycleListener listener;
    private FileChannel out;
    private boolean failed;
    /** Timestamps of the first and last tags written, for the duration the finished file announces. */
    private long firstTimestamp = -1;
    private long lastTimestamp = -1;

    RecordingSink(String stream, Path file, EventExecutor executor, StreamLifecycleListener listener) {
        super(executor);
        this.stream = stream;
        this.file = file;
        this.listener = listener;
    }

    @Override
    public boolean isWritable() {
        return !failed;
    }

    @Override
    public void onStarted() {
        try {
            out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
            ByteBuf header = FlvTagWriter.encodeFileHeader(ByteBufAllocator.DEFAULT, true, true);
            writeAll(header);
        } catch (IOException e) {
            fail(e);
        }
    }

    @Override
    public void write(ByteBuf bytes) {
        if (failed || out == null) {
            bytes.release();
            return;
        }
        noteTimestamps(bytes);
        writeAll(bytes);
    }

    /** Reads the timestamps of the whole FLV tags in {@code bytes} (one frame, or a run of them). */
    private void noteTimestamps(ByteBuf bytes) {
        int at = bytes.readerIndex();
        int end = bytes.writerIndex();
        while (at + FLV_TAG_HEADER <= end) {
            long timestamp = bytes.getUnsignedMedium(at + 4) | (long) bytes.getUnsignedByte(at + 7) << 24;
            if (firstTimestamp < 0) firstTimestamp = timestamp;
            lastTimestamp = Math.max(lastTimestamp, timestamp);
            at += FLV_TAG_HEADER + bytes.getUnsignedMedium(at + 1) + FlvTagWriter.PREVIOUS_TAG_SIZE;
        }
    }

    private void writeAll(ByteBuf bytes) {
        try {
            while (bytes.isReadable()) bytes.readBytes(out, bytes.readableBytes());
        } catch (IOException e) {
            fail(e);
        } finally {
            bytes.release();
        }
    }

    @Override
    public void end() {
        if (out == null) return;
        try {
            // what the publisher announced (ffmpeg -t: the whole file it meant to send) gives way to what was recorded
            if (!failed && lastTimestamp >= 0) FlvDurationPatch.patch(out, (lastTimestamp - firstTimestamp) / 1000.0, out.size());
        } catch (IOException e) {
            log.warn("Recording of {}: its duration stays as announced: {}", stream, e.toString());
        }
        try {
            out.close();
        } catch (IOException e) {
            fail(e);
        }
        if (!failed) listener.recordingFinished(stream, file);
    }

    private void fail(IOException e) {
        if (!failed) log.warn("Recording of {} stopped: {}", stream, e.toString());
        failed = true;
    }
}
