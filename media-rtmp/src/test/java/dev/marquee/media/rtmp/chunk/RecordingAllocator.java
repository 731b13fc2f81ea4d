package dev.marquee.media.rtmp.chunk;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;

/** Heap buffers from Unpooled that remembers the largest capacity asked for and what is still unreleased. */
final class RecordingAllocator extends AbstractByteBufAllocator {
    private final UnpooledByteBufAllocator delegate = new UnpooledByteBufAllocator(false);
    private final List<ByteBuf> allocated = new ArrayList<>();
    private long largest;

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        largest = Math.max(largest, initialCapacity);
        ByteBuf buf = delegate.heapBuffer(initialCapacity, maxCapacity);
        allocated.add(buf);
        return buf;
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        return newHeapBuffer(initialCapacity, maxCapacity);
    }

    @Override
    public boolean isDirectBufferPooled() {
        return false;
    }

    long largestRequest() {
        return largest;
    }

    long live() {
        return allocated.stream().filter(b -> b.refCnt() > 0).count();
    }
}
