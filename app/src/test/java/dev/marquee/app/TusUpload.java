package dev.marquee.app;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A small tus 1.0 client for tests: create, then PATCH in chunks, then HEAD for the offset. */
final class TusUpload {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String token;

    TusUpload(String token) {
        this.token = token;
    }

    /** Creates the upload; returns the absolute upload URL. */
    String create(String creationUrl, long length) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(base(URI.create(creationUrl)).POST(HttpRequest.BodyPublishers.noBody())
                .header("Upload-Length", Long.toString(length)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) throw new IOException("tus create answered " + r.statusCode() + ": " + r.body());
        return URI.create(creationUrl).resolve(r.headers().firstValue("Location").orElseThrow()).toString();
    }

    int patch(String uploadUrl, long offset, byte[] bytes) throws IOException, InterruptedException {
        return http.send(base(URI.create(uploadUrl)).method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("Upload-Offset", Long.toString(offset)).header("Content-Type", "application/offset+octet-stream")
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    long offset(String uploadUrl) throws IOException, InterruptedException {
        HttpResponse<Void> r = http.send(base(URI.create(uploadUrl)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        return Long.parseLong(r.headers().firstValue("Upload-Offset").orElse("-1"));
    }

    /** Uploads a whole file in chunks. */
    void send(String creationUrl, Path file, int chunkSize) throws IOException, InterruptedException {
        long size = Files.size(file);
        String url = create(creationUrl, size);
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long offset = 0;
            while (offset < size) {
                byte[] chunk = new byte[(int) Math.min(chunkSize, size - offset)];
                in.seek(offset);
                in.readFully(chunk);
                int status = patch(url, offset, chunk);
                if (status != 204) throw new IOException("tus PATCH answered " + status);
                offset += chunk.length;
            }
        }
    }

    private HttpRequest.Builder base(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Tus-Resumable", "1.0.0");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }
}
