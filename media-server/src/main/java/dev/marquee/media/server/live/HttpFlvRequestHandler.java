package dev.marquee.media.server.live;

import dev.marquee.media.live.LiveConsumer;
import dev.marquee.media.live.LiveRegistry;
import dev.marquee.media.live.LiveSource;
import dev.marquee.media.live.StreamTracks;
import dev.marquee.media.server.http.CorsPolicy;
import dev.marquee.media.server.http.ProblemResponses;
import dev.marquee.media.server.spi.PlaybackAuthorizer;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code GET|HEAD /live/{stream}.flv[?token=]} behind the HTTP codec; every other request goes on to
 * the next handler. A viewer that may watch a live stream gets a 200 head, then the connection is handed
 * over to an {@link HttpFlvViewer} and every other handler leaves its pipeline.
 */
@ChannelHandler.Sharable
final class HttpFlvRequestHandler extends ChannelInboundHandlerAdapter {
    static final String PREFIX = "/live/";
    private static final String SUFFIX = ".flv";
    private static final Logger log = LoggerFactory.getLogger(HttpFlvRequestHandler.class);
    private static final AsciiString VIDEO_X_FLV = AsciiString.cached("video/x-flv");
    private static final AsciiString NO_CACHE = AsciiString.cached("no-cache, no-store");

    private final LiveRegistry registry;
    private final PlaybackAuthorizer authorizer;
    private final CorsPolicy cors;
    private final Duration stallTimeout;

    HttpFlvRequestHandler(LiveRegistry registry, PlaybackAuthorizer authorizer, CorsPolicy cors, Duration stallTimeout) {
        this.registry = registry;
        this.authorizer = authorizer;
        this.cors = cors;
        this.stallTimeout = stallTimeout;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HttpRequest request) || request.decoderResult().isFailure()
                || !request.uri().startsWith(PREFIX)
                || !(HttpMethod.GET.equals(request.method()) || HttpMethod.HEAD.equals(request.method()))) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            serve(ctx, request);
        } catch (RuntimeException e) {
            log.warn("HTTP-FLV request {} failed", request.uri(), e);
            reply(ctx, request, ProblemResponses.problem(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error"));
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void serve(ChannelHandlerContext ctx, HttpRequest request) {
        QueryStringDecoder query = new QueryStringDecoder(request.uri());
        String path = query.path();
        String name = path.endsWith(SUFFIX) ? path.substring(PREFIX.length(), path.length() - SUFFIX.length()) : null;
        if (!StreamNames.isValid(name)) {
            reply(ctx, request, ProblemResponses.problem(HttpResponseStatus.NOT_FOUND, "no such live stream"));
            return;
        }
        List<String> tokens = query.parameters().get("token");
        if (!mayPlay(name, tokens == null || tokens.isEmpty() ? null : tokens.get(0))) {
            reply(ctx, request, ProblemResponses.problem(HttpResponseStatus.FORBIDDEN, "not allowed to watch this stream"));
            return;
        }
        if (HttpMethod.HEAD.equals(request.method())) {
            HttpHeaders headers = DefaultHttpHeadersFactory.headersFactory().newHeaders();
            headers.set(HttpHeaderNames.CONTENT_TYPE, VIDEO_X_FLV);
            headers.set(HttpHeaderNames.CACHE_CONTROL, NO_CACHE);
            reply(ctx, request, registry.source(name).isPresent()
                    ? new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.EMPTY_BUFFER,
                    headers, EmptyHttpHeaders.INSTANCE)
                    : ProblemResponses.problem(HttpResponseStatus.NOT_FOUND, "no such live stream"));
            return;
        }
        boolean chunked = !request.protocolVersion().equals(HttpVersion.HTTP_1_0);
        HttpFlvViewer viewer = new HttpFlvViewer(ctx.channel(), chunked, stallTimeout);
        ctx.pipeline().addAfter(ctx.name(), HttpFlvViewer.NAME, viewer);
        // frames reach the viewer in tasks that run on this loop after this one: the head always goes first
        Optional<LiveConsumer> consumer = registry.subscribe(name, viewer);
        if (consumer.isEmpty()) {
            ctx.pipeline().remove(viewer);
            reply(ctx, request, ProblemResponses.problem(HttpResponseStatus.NOT_FOUND, "no such live stream"));
            return;
        }
        HttpHeaders headers = streamHeaders(chunked);
        cors.decorate(request.headers().get(HttpHeaderNames.ORIGIN), headers);
        ctx.write(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, headers), ctx.voidPromise());
        handOver(ctx.pipeline());
        viewer.start(consumer.get(), registry.source(name).map(LiveSource::tracks).orElse(StreamTracks.UNKNOWN));
    }

    private static HttpHeaders streamHeaders(boolean chunked) {
        HttpHeaders headers = DefaultHttpHeadersFactory.headersFactory().newHeaders();
        headers.set(HttpHeaderNames.CONTENT_TYPE, VIDEO_X_FLV);
        headers.set(HttpHeaderNames.CACHE_CONTROL, NO_CACHE);
        headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE); // nothing follows a live stream
        if (chunked) headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        return headers;
    }

    /**
     * Leaves the viewer alone in the pipeline: the codec has written the head and has nothing more to do, the
     * idle timeout gives way to the viewer's stall timer (no listener on every write), and flushes are
     * batched by the fan-out already.
     */
    private static void handOver(ChannelPipeline pipeline) {
        for (Map.Entry<String, ChannelHandler> e : pipeline.toMap().entrySet()) {
            if (!e.getKey().equals(HttpFlvViewer.NAME)) pipeline.remove(e.getValue());
        }
    }

    private boolean mayPlay(String name, String token) {
        try {
            return authorizer.mayPlay(name, token);
        } catch (RuntimeException e) {
            log.warn("playback authorizer failed for {}", name, e);
            return false;
        }
    }

    private void reply(ChannelHandlerContext ctx, HttpRequest request, FullHttpResponse response) {
        if (HttpMethod.HEAD.equals(request.method()) && response.content().isReadable()) {
            FullHttpResponse bodyless = response.replace(Unpooled.EMPTY_BUFFER); // headers (Content-Length too) stay
            response.release();
            response = bodyless;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        cors.decorate(request.headers().get(HttpHeaderNames.ORIGIN), response.headers());
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        if (!keepAlive) {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(response);
        }
    }
}
