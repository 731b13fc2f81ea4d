package dev.marquee.media.server.vod;

import dev.marquee.media.server.spi.UrlSigner;
import io.netty.buffer.ByteBuf;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a GET or HEAD for a VOD file into a reply: token check, safe lookup, conditional and range handling. */
final class VodResponder {
    private static final Logger log = LoggerFactory.getLogger(VodResponder.class);
    private static final AsciiString BYTES = AsciiString.cached("bytes");
    private static final AsciiString IMMUTABLE = AsciiString.cached("public, max-age=31536000, immutable");
    // Header values are built here from file metadata, so validating them again would be wasted work.
    private static final HttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);

    private final VerifiedTokens tokens;
    private final VodFileResolver resolver;
    private final SmallFileCache cache;
    private final AsciiString playlistCacheControl;

    VodResponder(Path mediaRoot, UrlSigner signer, Duration playlistMaxAge, long smallFileCacheBytes) {
        this.tokens = new VerifiedTokens(signer);
        this.resolver = new VodFileResolver(mediaRoot);
        this.cache = new SmallFileCache(smallFileCacheBytes);
        this.playlistCacheControl = AsciiString.cached("public, max-age=" + playlistMaxAge.toSeconds());
    }

    VodReply reply(HttpRequest request, boolean head) {
        try {
            return serve(request, head);
        } catch (VodRequestException e) {
            return VodReply.problem(e.status(), e.getMessage());
        } catch (IOException e) {
            log.warn("VOD read failed for {}: {}", request.uri(), e.toString());
            return VodReply.problem(HttpResponseStatus.INTERNAL_SERVER_ERROR, "file could not be read");
        }
    }

    private VodReply serve(HttpRequest request, boolean head) throws VodRequestException, IOException {
        VodPath path = VodPath.parse(request.uri());
        if (!tokens.verify(path.videoId(), path.token(), System.currentTimeMillis() / 1000)) {
            throw VodRequestException.forbidden("invalid or expired token");
        }
        VodFileResolver.VodFile resolved = resolver.resolve(path);
        Path file = resolved.path();
        BasicFileAttributes attrs = resolved.attributes();
        long size = attrs.size();
        long mtimeNanos = attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        long mtimeMillis = mtimeNanos / 1_000_000;
        String etag = "\"" + Long.toHexString(mtimeMillis) + "-" + Long.toHexString(size) + "\"";

        HttpHeaders headers = HEADERS.newHeaders();
        headers.set(HttpHeaderNames.ETAG, etag);
        headers.set(HttpHeaderNames.LAST_MODIFIED, DateFormatter.format(new Date(mtimeMillis)));
        headers.set(HttpHeaderNames.CACHE_CONTROL, MediaTypes.isPlaylist(path.fileName()) ? playlistCacheControl : IMMUTABLE);
        headers.set(HttpHeaderNames.ACCEPT_RANGES, BYTES);
        HttpHeaders requestHeaders = request.headers();
        if (Conditionals.notModified(requestHeaders, etag, mtimeMillis)) {
            return new VodReply(HttpResponseStatus.NOT_MODIFIED, headers, null);
        }
        headers.set(HttpHeaderNames.CONTENT_TYPE, MediaTypes.of(path.fileName()));

        ByteRange range = null;
        String rangeHeader = requestHeaders.get(HttpHeaderNames.RANGE);
        if (rangeHeader != null && Conditionals.rangeApplies(requestHeaders, etag, mtimeMillis)) {
            range = ByteRange.parse(rangeHeader, size);
        }
        if (range != null && !range.satisfiable()) {
            headers.set(HttpHeaderNames.CONTENT_RANGE, "bytes */" + size);
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            return new VodReply(HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE, headers, null);
        }
        long start = 0;
        long length = size;
        HttpResponseStatus status = HttpResponseStatus.OK;
        if (range != null) {
            start = range.start();
            length = range.length();
            status = HttpResponseStatus.PARTIAL_CONTENT;
            headers.set(HttpHeaderNames.CONTENT_RANGE, "bytes " + start + "-" + range.last() + "/" + size);
        }
        headers.set(HttpHeaderNames.CONTENT_LENGTH, Long.toString(length));
        if (head) return new VodReply(status, headers, null);
        return new VodReply(status, headers, body(file, mtimeNanos, size, start, length));
    }

    /** Small files come from memory; everything else goes out with sendfile straight from the page cache. */
    private Object body(Path file, long mtimeNanos, long size, long start, long length) throws VodRequestException, IOException {
        if (cache.accepts(size)) {
            ByteBuf cached = cache.slice(file, mtimeNanos, size, start, length);
            if (cached != null) return cached;
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file);
        } catch (IOException e) {
            throw VodRequestException.notFound();
        }
        return new DefaultFileRegion(channel, start, length);
    }
}
