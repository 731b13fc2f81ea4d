package dev.marquee.media.server;

import dev.marquee.media.server.spi.UrlSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the media port alone, for benchmarks and manual checks (the app module wires it for real).
 * {@code serve --root DIR --secret S [--host H] [--port P] [--workers N] [--origin O]...} or
 * {@code token --secret S --video ID [--ttl SECONDS]}; the secret may come from {@code MARQUEE_MEDIA_SECRET}.
 */
public final class MediaServerMain {
    private MediaServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 0) usage();
        Map<String, String> options = new HashMap<>();
        List<String> origins = new ArrayList<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) usage();
            if (args[i].equals("--origin")) origins.add(args[i + 1]);
            else options.put(args[i].substring(2), args[i + 1]);
        }
        String secret = options.getOrDefault("secret", System.getenv("MARQUEE_MEDIA_SECRET"));
        if (secret == null) usage();
        UrlSigner signer = new UrlSigner(secret.getBytes(StandardCharsets.UTF_8));
        switch (args[0]) {
            case "token" -> {
                String video = options.get("video");
                if (video == null) usage();
                long ttl = Long.parseLong(options.getOrDefault("ttl", "3600"));
                System.out.println(signer.token(video, Instant.now().plusSeconds(ttl)));
            }
            case "serve" -> serve(options, origins, signer);
            default -> usage();
        }
    }

    private static void serve(Map<String, String> options, List<String> origins, UrlSigner signer)
            throws InterruptedException {
        String root = options.get("root");
        if (root == null) usage();
        MediaServerSettings settings = new MediaServerSettings(
                options.getOrDefault("host", MediaServerSettings.DEFAULT_HOST),
                Integer.parseInt(options.getOrDefault("port", String.valueOf(MediaServerSettings.DEFAULT_PORT))),
                Path.of(root), signer, origins, MediaServerSettings.DEFAULT_PLAYLIST_MAX_AGE,
                MediaServerSettings.DEFAULT_IDLE_TIMEOUT, Integer.parseInt(options.getOrDefault("workers", "0")),
                MediaServerSettings.DEFAULT_SMALL_FILE_CACHE_BYTES);
        MediaServer server = new MediaServer(settings);
        server.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "media-shutdown"));
        System.out.println("listening on http://" + settings.host() + ":" + server.port());
        System.out.flush();
        stopped.await();
    }

    private static void usage() {
        System.err.println("usage: serve --root DIR --secret S [--host H] [--port P] [--workers N] [--origin O]...\n"
                + "       token --secret S --video ID [--ttl SECONDS]");
        System.exit(2);
    }
}
