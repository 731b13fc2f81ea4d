package dev.marquee.platform.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import me.desair.tus.server.exception.InvalidUploadOffsetException;
import me.desair.tus.server.exception.TusException;
import me.desair.tus.server.upload.UploadInfo;
import me.desair.tus.server.upload.disk.DiskStorageService;

/**
 * tus-java-server's disk storage with a faster append: the library copies through 8 KB buffers and
 * fsyncs every chunk; we copy through 1 MB and let the page cache absorb writes. A process crash
 * loses nothing (the kernel holds the bytes); a power cut may lose the tail of an unfinished upload,
 * which the client then sees as an offset mismatch (409) and restarts. A finished upload is synced
 * before it is processed.
 */
class StreamingDiskStorage extends DiskStorageService {
    private static final int BUFFER_BYTES = 1 << 20;
    private final Path uploads;

    StreamingDiskStorage(Path storage) {
        super(storage.toString());
        this.uploads = storage.resolve("uploads"); // DiskStorageService's layout: uploads/{id}/data
    }

    @Override
    public UploadInfo append(UploadInfo info, InputStream in) throws IOException, TusException {
        if (info == null) return null;
        Path data = uploads.resolve(info.getId().toString()).resolve("data");
        long offset = info.getOffset();
        long max = info.hasLength() ? info.getLength() - offset : getMaxUploadSize() - offset;
        long written = 0;
        try (FileChannel file = FileChannel.open(data, StandardOpenOption.WRITE)) {
            file.lock(); // released with the channel; guards against a second PATCH on another node
            if (file.size() != offset)
                throw new InvalidUploadOffsetException("The upload offset does not match the bytes stored.");
            file.position(offset);
            byte[] buffer = new byte[BUFFER_BYTES];
            ByteBuffer view = ByteBuffer.wrap(buffer);
            try {
                while (written < max) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, max - written));
                    if (n < 0) break;
                    view.clear().limit(n);
                    while (view.hasRemaining()) file.write(view);
                    written += n;
                }
            } catch (IOException clientGone) {
                // keep what arrived: tus lets the client resume from the stored offset
            }
            if (written == max) file.force(false);
        }
        info.setOffset(offset + written);
        update(info);
        return info;
    }
}
