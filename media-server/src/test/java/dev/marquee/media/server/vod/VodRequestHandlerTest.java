package dev.marquee.media.server.vod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.server.http.CorsPolicy;
import dev.marquee.media.server.spi.UrlSigner;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.FileRegion;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VodRequestHandlerTest {
    static final String VIDEO = "abcdefghijk";
    static final String OTHER = "BBBBBBBBBBB";
    static final String SITE = "http://127.0.0.1:8080";

    @TempDir
    Path root;
    final UrlSigner signer = new UrlSigner("test-secret-0123456789".getBytes(StandardCharsets.UTF_8));
    byte[] big;
    EmbeddedChannel channel;

    @BeforeEach
    void setUp() throws Exception {
        Path dir = Files.createDirectories(root.resolve("videos").resolve(VIDEO).resolve("720p"));
        Files.writeString(root.resolve("videos").resolve(VIDEO).resolve("master.m3u8"), "#EXTM3U\n720p/index.m3u8\n");
        Files.writeString(dir.resolve("index.m3u8"), "#EXTM3U\nseg_001.m4s\n");
        Files.writeString(dir.resolve("seg_001.m4s"), "segment-bytes-0123456789");
        big = new byte[200_000];
        new Random(7).nextBytes(big);
        Files.write(dir.resolve("big.mp4"), big);
        Files.createDirectories(root.resolve("videos").resolve(OTHER));
        Files.writeString(root.resolve("videos").resolve(OTHER).resolve("master.m3u8"), "#EXTM3U\nother\n");
        channel = new EmbeddedChannel(new VodRequestHandler(root, signer, new CorsPolicy(List.of(SITE)),
                Duration.ofSeconds(10), 1 << 20));
    }

    @AfterEach
    void tearDown() {
        channel.finishAndReleaseAll();
    }

    String url(String video, String relative) {
        return "/vod/" + signer.token(video, Instant.now().plusSeconds(60)) + "/" + video + "/" + relative;
    }

    @Test
    void signedSmallFileIsServedWithTypeAndImmutableCaching() {
        Reply r = get(url(VIDEO, "720p/seg_001.m4s"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("segment-bytes-0123456789");
        assertThat(r.header(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("video/iso.segment");
        assertThat(r.header(HttpHeaderNames.CACHE_CONTROL)).isEqualTo("public, max-age=31536000, immutable");
        assertThat(r.header(HttpHeaderNames.ACCEPT_RANGES)).isEqualTo("bytes");
        assertThat(r.header(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo("24");
        assertThat(r.header(HttpHeaderNames.ETAG)).startsWith("\"");
        assertThat(r.header(HttpHeaderNames.LAST_MODIFIED)).endsWith("GMT");
    }

    @Test
    void playlistsGetTheShortMaxAge() {
        Reply r = get(url(VIDEO, "master.m3u8"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/vnd.apple.mpegurl");
        assertThat(r.header(HttpHeaderNames.CACHE_CONTROL)).isEqualTo("public, max-age=10");
    }

    @Test
    void largeFileGoesOutAsFileRegion() {
        Reply r = get(url(VIDEO, "720p/big.mp4"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.usedFileRegion()).isTrue();
        assertThat(r.body()).isEqualTo(big);
        assertThat(r.header(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("video/mp4");
    }

    @Test
    void missingTamperedOrExpiredTokensAreForbidden() {
        String good = signer.token(VIDEO, Instant.now().plusSeconds(60));
        String tampered = good.substring(0, good.length() - 2) + (good.endsWith("xx") ? "yy" : "xx");
        String expired = signer.token(VIDEO, Instant.now().minusSeconds(5));
        assertThat(get("/vod/" + tampered + "/" + VIDEO + "/master.m3u8").status()).isEqualTo(403);
        assertThat(get("/vod/" + expired + "/" + VIDEO + "/master.m3u8").status()).isEqualTo(403);
        assertThat(get("/vod//" + VIDEO + "/master.m3u8").status()).isEqualTo(403);
        assertThat(get("/vod/" + VIDEO + "/master.m3u8").status()).isEqualTo(403);
        Reply r = get("/vod/nonsense/" + VIDEO + "/master.m3u8");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/problem+json");
        assertThat(r.text()).doesNotContain("Exception").contains("\"status\":403");
    }

    @Test
    void tokenForOneVideoDoesNotOpenAnother() {
        String tokenA = signer.token(VIDEO, Instant.now().plusSeconds(60));
        assertThat(get("/vod/" + tokenA + "/" + VIDEO + "/master.m3u8").status()).isEqualTo(200);
        assertThat(get("/vod/" + tokenA + "/" + OTHER + "/master.m3u8").status()).isEqualTo(403);
    }

    @Test
    void unknownFilesAndDirectoriesAreNotFound() {
        assertThat(get(url(VIDEO, "nope.m4s")).status()).isEqualTo(404);
        assertThat(get(url(VIDEO, "720p")).status()).isEqualTo(404);
        assertThat(get(url("ZZZZZZZZZZZ", "master.m3u8")).status()).isEqualTo(404);
    }

    @Test
    void symlinkOutOfTheVideoDirectoryIsNotFollowed() throws Exception {
        Path secret = Files.writeString(root.resolve("secret.txt"), "top secret");
        Path videoDir = root.resolve("videos").resolve(VIDEO);
        Files.createSymbolicLink(videoDir.resolve("leak.txt"), secret);
        Files.createSymbolicLink(videoDir.resolve("other"), root.resolve("videos").resolve(OTHER));
        Files.createDirectories(videoDir.resolve(".tmp"));
        Files.writeString(videoDir.resolve(".tmp").resolve("part.m4s"), "partial");
        Files.createSymbolicLink(videoDir.resolve("part.m4s"), videoDir.resolve(".tmp").resolve("part.m4s"));
        Files.createSymbolicLink(videoDir.resolve("inside.m3u8"), videoDir.resolve("master.m3u8"));

        assertThat(get(url(VIDEO, "leak.txt")).status()).isEqualTo(404);
        assertThat(get(url(VIDEO, "other/master.m3u8")).status()).isEqualTo(404);
        assertThat(get(url(VIDEO, "part.m4s")).status()).isEqualTo(404);
        assertThat(get(url(VIDEO, "inside.m3u8")).text()).startsWith("#EXTM3U");
        Files.createSymbolicLink(root.resolve("videos").resolve("CCCCCCCCCCC"), root);
        assertThat(get(url("CCCCCCCCCCC", "secret.txt")).status()).isEqualTo(404);
        assertThat(get(url(VIDEO, "master.m3u8/x")).status()).isEqualTo(404);
    }

    @Test
    void traversalAttemptsAreRejected() {
        String token = signer.token(VIDEO, Instant.now().plusSeconds(60));
        for (String rel : List.of("../" + OTHER + "/master.m3u8", "%2e%2e/" + OTHER + "/master.m3u8",
                "720p%2f..%2f..%2f" + OTHER + "%2fmaster.m3u8", ".tmp/x", "%2Fetc%2Fpasswd", "720p\\index.m3u8")) {
            Reply r = get("/vod/" + token + "/" + VIDEO + "/" + rel);
            assertThat(r.status()).as(rel).isEqualTo(400);
        }
    }

    @Test
    void rangeRequestsGetPartialContent() {
        Reply r = get(url(VIDEO, "720p/big.mp4"), HttpHeaderNames.RANGE, "bytes=100-199");
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.header(HttpHeaderNames.CONTENT_RANGE)).isEqualTo("bytes 100-199/200000");
        assertThat(r.body()).isEqualTo(java.util.Arrays.copyOfRange(big, 100, 200));

        Reply suffix = get(url(VIDEO, "720p/seg_001.m4s"), HttpHeaderNames.RANGE, "bytes=-4");
        assertThat(suffix.status()).isEqualTo(206);
        assertThat(suffix.text()).isEqualTo("6789");
        assertThat(suffix.header(HttpHeaderNames.CONTENT_RANGE)).isEqualTo("bytes 20-23/24");

        Reply open = get(url(VIDEO, "720p/seg_001.m4s"), HttpHeaderNames.RANGE, "bytes=14-");
        assertThat(open.text()).isEqualTo("0123456789");
    }

    @Test
    void unsatisfiableRangeIs416() {
        Reply r = get(url(VIDEO, "720p/big.mp4"), HttpHeaderNames.RANGE, "bytes=200000-");
        assertThat(r.status()).isEqualTo(416);
        assertThat(r.header(HttpHeaderNames.CONTENT_RANGE)).isEqualTo("bytes */200000");
    }

    @Test
    void multipleRangesGetTheWholeFile() {
        Reply r = get(url(VIDEO, "720p/seg_001.m4s"), HttpHeaderNames.RANGE, "bytes=0-1,4-5");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("segment-bytes-0123456789");
    }

    @Test
    void ifRangeWithStaleEtagServesWholeFile() {
        String etag = get(url(VIDEO, "720p/seg_001.m4s")).header(HttpHeaderNames.ETAG);
        Reply fresh = get(url(VIDEO, "720p/seg_001.m4s"), HttpHeaderNames.RANGE, "bytes=0-3", HttpHeaderNames.IF_RANGE, etag);
        assertThat(fresh.status()).isEqualTo(206);
        Reply stale = get(url(VIDEO, "720p/seg_001.m4s"), HttpHeaderNames.RANGE, "bytes=0-3", HttpHeaderNames.IF_RANGE, "\"old\"");
        assertThat(stale.status()).isEqualTo(200);
    }

    @Test
    void headSendsHeadersOnly() {
        Reply r = request(HttpMethod.HEAD, url(VIDEO, "720p/big.mp4"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo("200000");
        assertThat(r.body()).isEmpty();
        assertThat(r.usedFileRegion()).isFalse();
    }

    @Test
    void matchingEtagGets304() {
        Reply first = get(url(VIDEO, "720p/seg_001.m4s"));
        String etag = first.header(HttpHeaderNames.ETAG);
        Reply again = get(url(VIDEO, "720p/seg_001.m4s"), HttpHeaderNames.IF_NONE_MATCH, "\"zzz\", W/" + etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header(HttpHeaderNames.ETAG)).isEqualTo(etag);
        Reply modifiedSince = get(url(VIDEO, "720p/seg_001.m4s"), HttpHeaderNames.IF_MODIFIED_SINCE,
                first.header(HttpHeaderNames.LAST_MODIFIED));
        assertThat(modifiedSince.status()).isEqualTo(304);
        assertThat(get(url(VIDEO, "720p/seg_001.m4s"), HttpHeaderNames.IF_NONE_MATCH, "\"other\"").status()).isEqualTo(200);
    }

    @Test
    void allowedOriginIsEchoedAndOthersAreNot() {
        Reply allowed = get(url(VIDEO, "master.m3u8"), HttpHeaderNames.ORIGIN, SITE);
        assertThat(allowed.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN)).isEqualTo(SITE);
        assertThat(allowed.header(HttpHeaderNames.VARY)).isEqualTo("Origin");
        assertThat(allowed.header(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS)).contains("Content-Range", "Content-Length");
        Reply other = get(url(VIDEO, "master.m3u8"), HttpHeaderNames.ORIGIN, "http://evil.example");
        assertThat(other.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN)).isNull();
    }

    @Test
    void preflightIsAnswered204() {
        Reply r = request(HttpMethod.OPTIONS, url(VIDEO, "720p/big.mp4"), HttpHeaderNames.ORIGIN, SITE,
                HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD, "GET", HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS, "range");
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN)).isEqualTo(SITE);
        assertThat(r.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS)).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(r.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS)).isEqualTo("Range");
    }

    @Test
    void wildcardOriginNeedsNoVary() {
        EmbeddedChannel any = new EmbeddedChannel(new VodRequestHandler(root, signer, new CorsPolicy(List.of("*")),
                Duration.ofSeconds(10), 0));
        try {
            Reply r = exchange(any, HttpMethod.GET, url(VIDEO, "master.m3u8"), HttpHeaderNames.ORIGIN, "http://x.example");
            assertThat(r.header(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN)).isEqualTo("*");
            assertThat(r.header(HttpHeaderNames.VARY)).isNull();
            assertThat(r.usedFileRegion()).as("cache disabled").isTrue();
        } finally {
            any.finishAndReleaseAll();
        }
    }

    @Test
    void otherMethodsGet405() {
        Reply r = request(HttpMethod.POST, url(VIDEO, "master.m3u8"));
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header(HttpHeaderNames.ALLOW)).isEqualTo("GET, HEAD, OPTIONS");
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnTheWire() {
        EmbeddedChannel wire = new EmbeddedChannel(new HttpServerCodec(), new VodRequestHandler(root, signer,
                new CorsPolicy(List.of()), Duration.ofSeconds(10), 1 << 20));
        try {
            String a = url(VIDEO, "master.m3u8");
            String b = url(VIDEO, "720p/seg_001.m4s");
            String req = "GET " + a + " HTTP/1.1\r\nHost: x\r\n\r\nGET " + b + " HTTP/1.1\r\nHost: x\r\n\r\n";
            wire.writeInbound(Unpooled.copiedBuffer(req, StandardCharsets.US_ASCII));
            String out = drainText(wire);
            int first = out.indexOf("720p/index.m3u8");
            int second = out.indexOf("segment-bytes-0123456789");
            assertThat(first).isPositive();
            assertThat(second).isGreaterThan(first);
            assertThat(out.split("HTTP/1.1 200 OK", -1)).hasSize(3);
            assertThat(wire.isOpen()).isTrue();
        } finally {
            wire.finishAndReleaseAll();
        }
    }

    @Test
    void garbageGets400AndCloses() {
        EmbeddedChannel wire = new EmbeddedChannel(new HttpServerCodec(), new VodRequestHandler(root, signer,
                new CorsPolicy(List.of()), Duration.ofSeconds(10), 1 << 20));
        wire.writeInbound(Unpooled.copiedBuffer("\u0001\u0002garbage\r\n\r\n", StandardCharsets.ISO_8859_1));
        String out = drainText(wire);
        assertThat(out).startsWith("HTTP/1.1 400");
        assertThat(wire.isOpen()).isFalse();
        wire.finishAndReleaseAll();
    }

    @Test
    void http10WithoutKeepAliveIsClosedAfterTheReply() {
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_0, HttpMethod.GET, url(VIDEO, "master.m3u8"));
        channel.writeInbound(req);
        Reply r = collect(channel);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header(HttpHeaderNames.CONNECTION)).isEqualTo("close");
        assertThat(channel.isOpen()).isFalse();
    }

    // --- helpers ---

    Reply get(String uri, Object... headers) {
        return request(HttpMethod.GET, uri, headers);
    }

    Reply request(HttpMethod method, String uri, Object... headers) {
        return exchange(channel, method, uri, headers);
    }

    static Reply exchange(EmbeddedChannel ch, HttpMethod method, String uri, Object... headers) {
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri);
        for (int i = 0; i < headers.length; i += 2) req.headers().set((CharSequence) headers[i], headers[i + 1]);
        ch.writeInbound(req);
        return collect(ch);
    }

    static Reply collect(EmbeddedChannel ch) {
        HttpResponse head = null;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean region = false;
        for (int i = 0; i < 10; i++) {
            Object msg = ch.readOutbound();
            if (msg == null) break;
            if (msg instanceof HttpResponse r) head = r;
            if (msg instanceof FileRegion f) {
                region = true;
                transfer(f, body);
                f.release();
                continue;
            }
            if (msg instanceof io.netty.buffer.ByteBufHolder holder) {
                body.writeBytes(ByteBufUtil.getBytes(holder.content()));
                holder.release();
            }
            if (msg instanceof LastHttpContent || msg instanceof FullHttpResponse) break;
        }
        assertThat(head).as("a response was written").isNotNull();
        return new Reply(head.status().code(), head.headers(), body.toByteArray(), region);
    }

    static void transfer(FileRegion f, ByteArrayOutputStream out) {
        try {
            WritableByteChannel target = Channels.newChannel(out);
            for (int i = 0; i < 10_000 && f.transferred() < f.count(); i++) f.transferTo(target, f.transferred());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String drainText(EmbeddedChannel ch) {
        StringBuilder sb = new StringBuilder();
        for (Object msg; (msg = ch.readOutbound()) != null; ) {
            ByteBuf buf = (ByteBuf) msg;
            sb.append(buf.toString(StandardCharsets.ISO_8859_1));
            buf.release();
        }
        return sb.toString();
    }

    record Reply(int status, HttpHeaders headers, byte[] body, boolean usedFileRegion) {
        String header(CharSequence name) {
            return headers.get(name);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
