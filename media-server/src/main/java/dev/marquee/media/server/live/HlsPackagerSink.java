package dev.marquee.media.server.live;

import dev.marquee.media.core.flv.FlvTag;
import dev.marquee.media.core.flv.FlvTagWriter;
import dev.marquee.media.hls.LiveHlsSegmenter;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;

/**
 * Feeds a stream's live HLS packager. It takes the shared FLV-form buffers like any viewer and reads
 * the tag back from their 11-byte header, so HLS costs no extra encoding on the stream's loop.
 */
final class HlsPackagerSink extends CompanionSink {
    private final LiveHlsSegmenter segmenter;
    private final Runnable onEnd;

    HlsPackagerSink(LiveHlsSegmenter segmenter, EventExecutor executor, Runnable onEnd) {
        super(executor);
        this.segmenter = segmenter;
        this.onEnd = onEnd;
    }

    @Override
    public boolean isWritable() {
        return true;
    }

    @Override
    public void write(ByteBuf flv) {
        try {
            // one write may carry several whole tags: the fan-out merges a round's frames into one buffer
            int at = flv.readerIndex();
            int end = flv.writerIndex();
            while (end - at >= FlvTagWriter.TAG_HEADER_SIZE) {
                int type = flv.getUnsignedByte(at);
                int size = flv.getUnsignedMedium(at + 1);
                long timestamp = flv.getUnsignedMedium(at + 4) | ((long) flv.getUnsignedByte(at + 7) << 24);
                if (end - at < FlvTagWriter.TAG_HEADER_SIZE + size) return;
                segmenter.onFrame(new FlvTag(type, timestamp, flv.retainedSlice(at + FlvTagWriter.TAG_HEADER_SIZE, size)));
                at += FlvTagWriter.TAG_HEADER_SIZE + size + FlvTagWriter.PREVIOUS_TAG_SIZE;
            }
        } finally {
            flv.release();
        }
    }

    @Override
    public void end() {
        segmenter.onEnd();
        onEnd.run();
    }
}
