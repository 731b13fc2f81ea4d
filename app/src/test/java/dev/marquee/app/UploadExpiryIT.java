package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tus expiration and termination: abandoned or cancelled uploads leave no bytes behind. */
class UploadExpiryIT {
    @TempDir
    static Path data;
    static RunningMarquee site;
    static String token;

    @BeforeAll
    static void start() {
        site = new RunningMarquee(data, "--marquee.upload-expiry=1s");
        token = site.signUp("abandoner");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static long storedUploads() throws Exception {
        Path uploads = data.resolve("uploads/uploads");
        if (!Files.isDirectory(uploads)) return 0;
        try (Stream<Path> s = Files.list(uploads)) {
            return s.count();
        }
    }

    @Test
    void anAbandonedUploadExpiresAndItsBytesAreRemoved() throws Exception {
        String creation = site.call("POST", "/api/v1/videos", Map.of("title", "abandoned"), token).json().get("upload").asString();
        TusUpload tus = new TusUpload(token);
        String url = tus.create(creation, 1_000_000);
        var patch = site.http.send(HttpRequest.newBuilder(URI.create(url)).header("Tus-Resumable", "1.0.0")
                .header("Authorization", "Bearer " + token).header("Upload-Offset", "0")
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(new byte[100_000])).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(patch.statusCode()).isEqualTo(204);
        assertThat(patch.headers().firstValue("Upload-Expires")).isPresent(); // the expiration extension tells clients
        assertThat(storedUploads()).isEqualTo(1);

        Thread.sleep(1500);
        Object controller = site.context.getBean(Class.forName("dev.marquee.platform.upload.TusUploadController"));
        Method sweep = controller.getClass().getDeclaredMethod("removeExpiredUploads");
        sweep.setAccessible(true);
        sweep.invoke(controller); // what the hourly schedule does
        assertThat(storedUploads()).isZero();
        assertThat(tus.offset(url)).isEqualTo(-1); // the upload is gone
    }

    @Test
    void aTerminatedUploadIsDeleted() throws Exception {
        String creation = site.call("POST", "/api/v1/videos", Map.of("title", "cancelled"), token).json().get("upload").asString();
        TusUpload tus = new TusUpload(token);
        String url = tus.create(creation, 1_000_000);
        assertThat(tus.patch(url, 0, new byte[10_000])).isEqualTo(204);
        var delete = site.http.send(HttpRequest.newBuilder(URI.create(url)).header("Tus-Resumable", "1.0.0")
                .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        assertThat(delete.statusCode()).isEqualTo(204);
        assertThat(tus.offset(url)).isEqualTo(-1);
    }
}
