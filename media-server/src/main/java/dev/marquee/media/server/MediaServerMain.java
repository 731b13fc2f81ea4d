package dev.marquee.media.server;

import dev.marquee.media.server.spi.PublishAuthorizer;
import dev.marquee.media.server.spi.UrlSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the media ports alone, for benchmarks and manual checks (the app module wires them for real).
 * {@code serve --root DIR --secret S [--host H] [--port P] [--rtmp-port R] [--publish open|KEY=NAME,...]
 * [--workers N] [--origin O]...} or {@code token --secret S --video ID [--ttl SECONDS]}; the secret may come
 * from {@code MARQUEE_MEDIA_SECRET}. {@code --publish open} lets any key publish under its own name (a fresh
 * name per benchmark run is then just a fresh key); without {@code --publish} nobody may publish.
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
                MediaServerSettings.DEFAULT_SMALL_FILE_CACHE_BYTES)
                .withRtmpPort(Integer.parseInt(options.getOrDefault("rtmp-port", String.valueOf(MediaServerSettings.DEFAULT_RTMP_PORT))))
                .withPublishAuthorizer(publishAuthorizer(options.get("publish")));
        MediaServer server = new MediaServer(settings);
        server.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "media-shutdown"));
        System.out.println("listening on http://" + settings.host() + ":" + server.port()
                + " and rtmp://" + settings.host() + ":" + server.rtmpPort());
        System.out.flush();
        stopped.await();
    }

    /** "open": every key publishes as itself; "KEY=NAME,...": those keys only; null: nobody. */
    private static PublishAuthorizer publishAuthorizer(String spec) {
        if (spec == null) return PublishAuthorizer.REFUSE_ALL;
        if (spec.equals("open")) return (app, key) -> Optional.of(key);
        Map<String, String> keys = new HashMap<>();
        for (String pair : spec.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) usage();
            keys.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return (app, key) -> Optional.ofNullable(keys.get(key));
    }

    private static void usage() {
        System.err.println("usage: serve --root DIR --secret S [--host H] [--port P] [--rtmp-port R]\n"
                + "             [--publish open|KEY=NAME,...] [--workers N] [--origin O]...\n"
                + "       token --secret S --video ID [--ttl SECONDS]");
        System.exit(2);
    }
}
