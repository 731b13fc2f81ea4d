package dev.marquee.media.server.vod;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallFileCacheTest {
    @TempDir
    Path dir;

    @Test
    void servesSlicesOfTheFile() throws Exception {
        Path file = write("a.m4s", "0123456789");
        SmallFileCache cache = new SmallFileCache(1024);
        assertThat(text(cache, file, 2, 3)).isEqualTo("234");
        assertThat(text(cache, file, 0, 10)).isEqualTo("0123456789");
        assertThat(cache.usedBytes()).isEqualTo(10);
    }

    @Test
    void rewrittenFileIsReloaded() throws Exception {
        Path file = write("a.m4s", "old-bytes");
        SmallFileCache cache = new SmallFileCache(1024);
        assertThat(text(cache, file, 0, 9)).isEqualTo("old-bytes");
        Files.writeString(file, "new-bytes");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertThat(text(cache, file, 0, 9)).isEqualTo("new-bytes");
        assertThat(cache.usedBytes()).isEqualTo(9);
    }

    @Test
    void totalBytesStayWithinCapacity() throws Exception {
        SmallFileCache cache = new SmallFileCache(100);
        for (int i = 0; i < 20; i++) {
            Path file = write("f" + i, "x".repeat(30));
            assertThat(text(cache, file, 0, 30)).hasSize(30);
            assertThat(cache.usedBytes()).isLessThanOrEqualTo(100);
        }
    }

    @Test
    void acceptsOnlySmallFilesWhenEnabled() {
        assertThat(new SmallFileCache(1 << 20).accepts(SmallFileCache.MAX_FILE_BYTES)).isTrue();
        assertThat(new SmallFileCache(1 << 20).accepts(SmallFileCache.MAX_FILE_BYTES + 1)).isFalse();
        assertThat(new SmallFileCache(0).accepts(10)).isFalse();
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private static String text(SmallFileCache cache, Path file, long start, long length) throws Exception {
        var attrs = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        ByteBuf buf = cache.slice(file, attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS), attrs.size(), start, length);
        try {
            return new String(ByteBufUtil.getBytes(buf));
        } finally {
            buf.release();
        }
    }
}
