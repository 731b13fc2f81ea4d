package dev.marquee.media.server.vod;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps small files (playlists, thumbnails, short segments) in direct memory, bounded by total bytes and
 * keyed by path, modification time and size so a rewritten file is reloaded. Buffers are plain JDK direct
 * buffers freed by the garbage collector, so an eviction never races a response still being written.
 */
final class SmallFileCache {
    static final int MAX_FILE_BYTES = 64 * 1024;

    private record Entry(long mtimeNanos, long size, ByteBuffer data) {
    }

    private final long capacity;
    private final ConcurrentHashMap<Path, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong used = new AtomicLong();

    SmallFileCache(long capacityBytes) {
        this.capacity = capacityBytes;
    }

    boolean accepts(long size) {
        return capacity > 0 && size <= MAX_FILE_BYTES && size <= capacity;
    }

    /** Bytes {@code [start, start + length)} of the file, loading it if needed; null when it changed while read. */
    ByteBuf slice(Path file, long mtimeNanos, long size, long start, long length) throws IOException {
        Entry entry = entries.get(file);
        if (entry == null || entry.mtimeNanos != mtimeNanos || entry.size != size) {
            entry = load(file, mtimeNanos, size);
            if (entry == null) return null;
            store(file, entry);
        }
        ByteBuffer view = entry.data.duplicate();
        view.limit((int) (start + length)).position((int) start);
        return Unpooled.wrappedBuffer(view);
    }

    long usedBytes() {
        return used.get();
    }

    private static Entry load(Path file, long mtimeNanos, long size) throws IOException {
        ByteBuffer data = ByteBuffer.allocateDirect((int) size);
        try (FileChannel channel = FileChannel.open(file)) {
            // Bounded: each read makes progress or hits end of file.
            while (data.hasRemaining()) {
                if (channel.read(data) < 0) return null;
            }
            if (channel.size() != size) return null;
        }
        return new Entry(mtimeNanos, size, data.flip());
    }

    private void store(Path file, Entry entry) {
        Entry old = entries.put(file, entry);
        used.addAndGet(entry.size - (old == null ? 0 : old.size));
        Iterator<Map.Entry<Path, Entry>> it = entries.entrySet().iterator();
        while (used.get() > capacity && it.hasNext()) {
            Map.Entry<Path, Entry> victim = it.next();
            if (victim.getValue() != entry && entries.remove(victim.getKey(), victim.getValue())) {
                used.addAndGet(-victim.getValue().size);
            }
        }
    }
}
