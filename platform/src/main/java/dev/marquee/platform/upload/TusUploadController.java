package dev.marquee.platform.upload;

import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.config.MarqueeProperties;
import dev.marquee.platform.video.Video;
import dev.marquee.platform.video.VideoService;
import dev.marquee.platform.video.VideoState;
import dev.marquee.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import me.desair.tus.server.TusFileUploadService;
import me.desair.tus.server.exception.TusException;
import me.desair.tus.server.upload.UploadInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * tus 1.0 (creation, core, termination, expiration) at {@code /api/v1/videos/{id}/upload}, handled by
 * tus-java-server. Uploads are scoped to the video and its owner; the last byte starts processing.
 */
@RestController
class TusUploadController {
    private static final Logger log = LoggerFactory.getLogger(TusUploadController.class);
    static final long MAX_CHUNK_BYTES = 50L * 1024 * 1024;

    private final TusFileUploadService tus;
    private final Path storage;
    private final VideoService videos;

    TusUploadController(MarqueeProperties props, VideoService videos) throws IOException {
        this.videos = videos;
        this.storage = props.dataDir().resolve("uploads").toAbsolutePath();
        Files.createDirectories(storage);
        // The library's hourly cleanup walks both and logs an error on a fresh data directory without them.
        Files.createDirectories(storage.resolve("locks"));
        Files.createDirectories(storage.resolve("uploads"));
        this.tus = new TusFileUploadService()
                .withStoragePath(storage.toString())
                .withUploadStorageService(new StreamingDiskStorage(storage))
                .withUploadUri("/api/v1/videos/[A-Za-z0-9_-]{11}/upload")
                .withMaxUploadSize(props.maxUploadSize().toBytes())
                .withUploadExpirationPeriod(props.uploadExpiry().toMillis())
                .withThreadLocalCache(true);
    }

    @RequestMapping(value = {"/api/v1/videos/{id}/upload", "/api/v1/videos/{id}/upload/{uploadId}"},
            method = {RequestMethod.POST, RequestMethod.PATCH, RequestMethod.HEAD, RequestMethod.DELETE, RequestMethod.OPTIONS})
    void handle(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, CurrentUser me)
            throws IOException {
        Video video = videos.requireModifiable(id, me);
        String method = request.getMethod();
        if (method.equals("POST") && video.state() != VideoState.UPLOADING)
            throw ProblemException.conflict("This video already has its file.");
        if (method.equals("PATCH") && request.getContentLengthLong() > MAX_CHUNK_BYTES)
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "Chunk too large",
                    "Send the file in chunks of at most 50 MB.");
        String owner = me.id() + ":" + video.id(); // an upload answers only to its video and its owner
        tus.process(request, response, owner);
        if (method.equals("PATCH") && response.getStatus() == 204) finishIfComplete(video, request.getRequestURI(), owner);
    }

    private void finishIfComplete(Video video, String uploadUri, String owner) throws IOException {
        try {
            UploadInfo info = tus.getUploadInfo(uploadUri, owner);
            if (info == null || info.isUploadInProgress()) return;
            Path received = Files.createTempFile(storage, "complete-", ".bin");
            Path data = storage.resolve("uploads").resolve(info.getId().toString()).resolve("data");
            if (Files.isRegularFile(data)) {
                Files.move(data, received, StandardCopyOption.REPLACE_EXISTING);
            } else {
                try (InputStream in = tus.getUploadedBytes(uploadUri, owner)) {
                    Files.copy(in, received, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            tus.deleteUpload(uploadUri, owner);
            videos.uploadFinished(video.id(), received, info.getLength());
        } catch (TusException e) {
            log.warn("Upload {} of video {} could not be finished: {}", uploadUri, video.publicId(), e.getMessage());
        }
    }

    /** Abandoned uploads expire (tus expiration extension); their bytes are removed. */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void removeExpiredUploads() throws IOException {
        tus.cleanup();
    }
}
