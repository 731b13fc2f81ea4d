package dev.marquee.media.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.media.server.spi.UrlSigner;
import dev.marquee.media.server.spi.VodPaths;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaServerIT {
    static final String VIDEO = "vid_A-12345";
    static final String OTHER = "vid_B-67890";
    static final String SECRET_TEXT = "outside-the-root-do-not-serve";

    @TempDir
    Path tmp;
    Path mediaRoot;
    final UrlSigner signer = new UrlSigner("it-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    byte[] segment;
    byte[] large;
    MediaServer server;

    @BeforeEach
    void start() throws IOException {
        mediaRoot = Files.createDirectories(tmp.resolve("media"));
        Files.writeString(tmp.resolve("secret.txt"), SECRET_TEXT);
        Files.writeString(mediaRoot.resolve("secret.txt"), SECRET_TEXT);
        Path video = Files.createDirectories(mediaRoot.resolve("videos").resolve(VIDEO));
        Path rendition = Files.createDirectories(video.resolve("720p"));
        Files.writeString(video.resolve("master.m3u8"), "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=2000000\n720p/index.m3u8\n");
        Files.writeString(rendition.resolve("index.m3u8"), "#EXTM3U\n#EXT-X-MAP:URI=\"init.mp4\"\n#EXTINF:4,\nseg_001.m4s\n");
        Random random = new Random(42);
        segment = new byte[4096];
        random.nextBytes(segment);
        Files.write(rendition.resolve("seg_001.m4s"), segment);
        Files.write(rendition.resolve("init.mp4"), Arrays.copyOf(segment, 700));
        large = new byte[1 << 20];
        random.nextBytes(large);
        Files.write(rendition.resolve("big.mp4"), large);
        Files.createSymbolicLink(video.resolve("escape.txt"), tmp.resolve("secret.txt"));
        Files.createDirectories(video.resolve(".tmp"));
        Files.writeString(video.resolve(".tmp").resolve("partial.m4s"), SECRET_TEXT);
        Path other = Files.createDirectories(mediaRoot.resolve("videos").resolve(OTHER));
        Files.writeString(other.resolve("master.m3u8"), SECRET_TEXT);
        server = new MediaServer(MediaServerSettings.of(mediaRoot, signer).withPort(0).withRtmpPort(0)
                .withAllowedOrigins(List.of("http://127.0.0.1:8080")).withIdleTimeout(Duration.ofMillis(800)));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    String signed(String video, String relative) {
        return VodPaths.signed(signer, video, relative, Instant.now().plusSeconds(300));
    }

    HttpResponse<byte[]> fetch(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void signedFetchReturnsTheFileBytes() throws Exception {
        HttpResponse<byte[]> big = fetch(base() + signed(VIDEO, "720p/big.mp4"));
        assertThat(big.statusCode()).isEqualTo(200);
        assertThat(big.body()).isEqualTo(large);
        HttpResponse<byte[]> small = fetch(base() + signed(VIDEO, "720p/seg_001.m4s"));
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(small.body()).isEqualTo(segment);
        assertThat(small.headers().firstValue("content-type")).hasValue("video/iso.segment");
    }

    @Test
    void relativeUrisInASignedPlaylistResolveToSignedUrls() throws Exception {
        URI master = URI.create(base() + signed(VIDEO, "master.m3u8"));
        String variant = lastUriLine(new String(fetch(master.toString()).body(), StandardCharsets.UTF_8));
        URI variantUri = master.resolve(variant);
        HttpResponse<byte[]> media = fetch(variantUri.toString());
        assertThat(media.statusCode()).isEqualTo(200);
        URI segmentUri = variantUri.resolve(lastUriLine(new String(media.body(), StandardCharsets.UTF_8)));
        HttpResponse<byte[]> seg = fetch(segmentUri.toString());
        assertThat(seg.statusCode()).isEqualTo(200);
        assertThat(seg.body()).isEqualTo(segment);
        assertThat(fetch(variantUri.resolve("init.mp4").toString()).statusCode()).isEqualTo(200);
    }

    @Test
    void badTokensAreForbidden() throws Exception {
        String tokenA = signer.token(VIDEO, Instant.now().plusSeconds(300));
        assertThat(fetch(base() + "/vod/" + tokenA + "/" + OTHER + "/master.m3u8").statusCode()).isEqualTo(403);
        String expired = signer.token(VIDEO, Instant.now().minusSeconds(1));
        assertThat(fetch(base() + "/vod/" + expired + "/" + VIDEO + "/master.m3u8").statusCode()).isEqualTo(403);
        assertThat(fetch(base() + "/vod/" + VIDEO + "/master.m3u8").statusCode()).isEqualTo(403);
    }

    @Test
    void traversalNeverReturnsContentFromOutsideTheVideo() throws Exception {
        String token = signer.token(VIDEO, Instant.now().plusSeconds(300));
        String prefix = "/vod/" + token + "/" + VIDEO + "/";
        List<String> attacks = List.of(
                prefix + "../../secret.txt", prefix + "../" + OTHER + "/master.m3u8",
                prefix + "%2e%2e/%2e%2e/secret.txt", prefix + "%2E%2E%2F%2E%2E%2Fsecret.txt",
                prefix + "..%2f" + OTHER + "%2fmaster.m3u8", prefix + "..%5c..%5csecret.txt",
                prefix + "%252e%252e/secret.txt", prefix + "/" + tmp.resolve("secret.txt"),
                prefix + "%2F" + tmp.resolve("secret.txt").toString().substring(1).replace("/", "%2F"),
                prefix + "escape.txt", prefix + ".tmp/partial.m4s", prefix + "%2etmp/partial.m4s",
                prefix + "720p/../../" + OTHER + "/master.m3u8", prefix + "secret.txt%00.m4s",
                "/vod/" + token + "/../secret.txt", "/vod/../secret.txt", "/../secret.txt",
                "http://127.0.0.1/../secret.txt", "/secret.txt", "/videos/" + OTHER + "/master.m3u8");
        try (RawHttpConnection conn = new RawHttpConnection(server.port())) {
            for (String target : attacks) {
                RawHttpConnection.Response r = conn.get(target);
                assertThat(r.status()).as(target).isBetween(400, 404);
                assertThat(r.text()).as(target).doesNotContain(SECRET_TEXT);
            }
        }
    }

    @Test
    void rangeHeadAndConditionalOverTheWire() throws Exception {
        String target = signed(VIDEO, "720p/big.mp4");
        try (RawHttpConnection conn = new RawHttpConnection(server.port())) {
            conn.send("GET " + target + " HTTP/1.1\r\nHost: x\r\nRange: bytes=1000-1999\r\n\r\n");
            RawHttpConnection.Response part = conn.read(false);
            assertThat(part.status()).isEqualTo(206);
            assertThat(part.header("content-range")).isEqualTo("bytes 1000-1999/1048576");
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(large, 1000, 2000));

            conn.send("GET " + target + " HTTP/1.1\r\nHost: x\r\nRange: bytes=2000000-\r\n\r\n");
            assertThat(conn.read(false).status()).isEqualTo(416);

            conn.send("HEAD " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttpConnection.Response head = conn.read(true);
            assertThat(head.header("content-length")).isEqualTo("1048576");

            conn.send("GET " + target + " HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + head.header("etag") + "\r\n\r\n");
            assertThat(conn.read(false).status()).isEqualTo(304);
            // The connection is still in step: the next reply parses cleanly.
            assertThat(conn.get(signed(VIDEO, "720p/seg_001.m4s")).body()).isEqualTo(segment);
        }
    }

    @Test
    void pipelinedRequestsComeBackInOrder() throws Exception {
        String a = signed(VIDEO, "master.m3u8");
        String b = signed(VIDEO, "720p/big.mp4");
        String c = signed(VIDEO, "720p/seg_001.m4s");
        try (RawHttpConnection conn = new RawHttpConnection(server.port())) {
            conn.send("GET " + a + " HTTP/1.1\r\nHost: x\r\n\r\nGET " + b + " HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET " + c + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(conn.read(false).text()).startsWith("#EXTM3U");
            assertThat(conn.read(false).body()).isEqualTo(large);
            assertThat(conn.read(false).body()).isEqualTo(segment);
        }
    }

    @Test
    void corsPreflightAndSimpleRequest() throws Exception {
        String target = signed(VIDEO, "720p/seg_001.m4s");
        try (RawHttpConnection conn = new RawHttpConnection(server.port())) {
            conn.send("OPTIONS " + target + " HTTP/1.1\r\nHost: x\r\nOrigin: http://127.0.0.1:8080\r\n"
                    + "Access-Control-Request-Method: GET\r\nAccess-Control-Request-Headers: range\r\n\r\n");
            RawHttpConnection.Response pre = conn.read(false);
            assertThat(pre.status()).isEqualTo(204);
            assertThat(pre.header("access-control-allow-origin")).isEqualTo("http://127.0.0.1:8080");
            assertThat(pre.header("access-control-allow-headers")).isEqualTo("Range");
            conn.send("GET " + target + " HTTP/1.1\r\nHost: x\r\nOrigin: http://127.0.0.1:8080\r\n\r\n");
            RawHttpConnection.Response simple = conn.read(false);
            assertThat(simple.header("access-control-allow-origin")).isEqualTo("http://127.0.0.1:8080");
            assertThat(simple.header("vary")).isEqualTo("Origin");
        }
    }

    @Test
    void malformedRequestLineClosesOnlyThatConnection() throws Exception {
        try (RawHttpConnection healthy = new RawHttpConnection(server.port());
             RawHttpConnection broken = new RawHttpConnection(server.port())) {
            assertThat(healthy.get(signed(VIDEO, "master.m3u8")).status()).isEqualTo(200);
            broken.send("\u0000\u00ff NOT-HTTP at all\r\n\r\n");
            assertThat(broken.read(false).status()).isEqualTo(400);
            assertThat(broken.closedByPeer()).isTrue();
            assertThat(healthy.get(signed(VIDEO, "master.m3u8")).status()).isEqualTo(200);
        }
    }

    @Test
    void hugeHeaderOrUriIsRefusedWithoutHurtingOthers() throws Exception {
        try (RawHttpConnection healthy = new RawHttpConnection(server.port())) {
            try (RawHttpConnection huge = new RawHttpConnection(server.port())) {
                int status = sendAndReadStatus(huge, "GET " + signed(VIDEO, "master.m3u8") + " HTTP/1.1\r\nHost: x\r\nX-Big: "
                        + "a".repeat(100 * 1024) + "\r\n\r\n");
                assertThat(status).isIn(431, -1);
                assertThat(huge.closedByPeer()).isTrue();
            }
            try (RawHttpConnection longUri = new RawHttpConnection(server.port())) {
                int status = sendAndReadStatus(longUri, "GET /vod/" + "x".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(status).isIn(414, -1);
                assertThat(longUri.closedByPeer()).isTrue();
            }
            assertThat(healthy.get(signed(VIDEO, "720p/seg_001.m4s")).body()).isEqualTo(segment);
        }
    }

    @Test
    void idleConnectionsAreClosed() throws Exception {
        try (RawHttpConnection idle = new RawHttpConnection(server.port())) {
            assertThat(idle.get(signed(VIDEO, "master.m3u8")).status()).isEqualTo(200);
            long started = System.nanoTime();
            assertThat(idle.closedByPeer()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void secondServerOnTheSamePortFailsClearly() {
        MediaServer clash = new MediaServer(MediaServerSettings.of(mediaRoot, signer).withPort(server.port()).withRtmpPort(0));
        assertThatThrownBy(clash::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("127.0.0.1:" + server.port());
        clash.close();
        MediaServer rtmpClash = new MediaServer(MediaServerSettings.of(mediaRoot, signer).withPort(0).withRtmpPort(server.rtmpPort()));
        assertThatThrownBy(rtmpClash::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RTMP server cannot listen on 127.0.0.1:" + server.rtmpPort());
        rtmpClash.close();
    }

    /** The status of the reply, or -1 when the server reset the connection before the client could read it. */
    private static int sendAndReadStatus(RawHttpConnection conn, String raw) {
        try {
            conn.send(raw);
            return conn.read(false).status();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String lastUriLine(String playlist) {
        String last = null;
        for (String line : playlist.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) last = line.trim();
        }
        return last;
    }
}
