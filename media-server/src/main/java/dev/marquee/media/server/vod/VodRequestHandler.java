package dev.marquee.media.server.vod;

import dev.marquee.media.server.http.CorsPolicy;
import dev.marquee.media.server.http.ProblemResponses;
import dev.marquee.media.server.spi.UrlSigner;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.FileRegion;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code GET|HEAD|OPTIONS /vod/...} behind an {@code HttpServerCodec}. Replies are written in request
 * order as each request is read, which keeps pipelining correct; reading pauses while the socket is unwritable.
 */
@ChannelHandler.Sharable
public final class VodRequestHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(VodRequestHandler.class);
    private static final AsciiString ALLOW = AsciiString.cached("GET, HEAD, OPTIONS");

    private final VodResponder responder;
    private final CorsPolicy cors;

    public VodRequestHandler(Path mediaRoot, UrlSigner signer, CorsPolicy cors, Duration playlistMaxAge,
                             long smallFileCacheBytes) {
        this.responder = new VodResponder(mediaRoot, signer, playlistMaxAge, smallFileCacheBytes);
        this.cors = cors;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest request) {
                respond(ctx, request);
            } else if (msg instanceof HttpObject object && object.decoderResult().isFailure()) {
                ctx.close(); // a broken request body leaves the decoder discarding input: nothing more to serve
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void respond(ChannelHandlerContext ctx, HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            HttpResponseStatus status = ProblemResponses.statusForDecoderFailure(request.decoderResult().cause());
            VodReply reply = VodReply.problem(status, "malformed request");
            write(ctx, reply, false, false, null, HttpVersion.HTTP_1_1);
            return;
        }
        HttpMethod method = request.method();
        boolean head = HttpMethod.HEAD.equals(method);
        VodReply reply;
        try {
            if (HttpMethod.GET.equals(method) || head) {
                reply = responder.reply(request, head);
            } else if (HttpMethod.OPTIONS.equals(method)) {
                HttpHeaders headers = DefaultHttpHeadersFactory.headersFactory().newHeaders();
                cors.preflight(request.headers().get(HttpHeaderNames.ORIGIN), headers);
                reply = new VodReply(HttpResponseStatus.NO_CONTENT, headers, null);
            } else {
                reply = VodReply.problem(HttpResponseStatus.METHOD_NOT_ALLOWED, "only GET, HEAD and OPTIONS");
                reply.headers().set(HttpHeaderNames.ALLOW, ALLOW);
            }
        } catch (RuntimeException e) {
            log.warn("VOD request {} failed", request.uri(), e);
            reply = VodReply.problem(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error");
        }
        write(ctx, reply, head, HttpUtil.isKeepAlive(request), request.headers().get(HttpHeaderNames.ORIGIN),
                request.protocolVersion());
    }

    private void write(ChannelHandlerContext ctx, VodReply reply, boolean head, boolean keepAlive, String origin,
                       HttpVersion requestVersion) {
        HttpHeaders headers = reply.headers();
        cors.decorate(origin, headers);
        if (!keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (requestVersion.equals(HttpVersion.HTTP_1_0)) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        Object body = reply.body();
        if (head && body != null) {
            ReferenceCountUtil.release(body); // HEAD keeps the headers, Content-Length included, and drops the bytes
            body = null;
        }
        ChannelFuture done;
        if (body instanceof FileRegion region) {
            // Like nginx's tcp_nopush: headers and file leave in full segments, so the receiver handles fewer packets.
            boolean cork = cork(ctx.channel(), true);
            ctx.write(new DefaultHttpResponse(HttpVersion.HTTP_1_1, reply.status(), headers));
            ctx.write(region);
            done = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            if (cork) done.addListener(f -> cork(ctx.channel(), false));
        } else {
            ByteBuf content = body == null ? Unpooled.EMPTY_BUFFER : (ByteBuf) body;
            done = ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, reply.status(), content,
                    headers, EmptyHttpHeaders.INSTANCE));
        }
        if (!keepAlive) {
            done.addListener(ChannelFutureListener.CLOSE);
        } else if (!ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(false); // pipelined requests wait until the peer drains its replies
        }
    }

    /** Sets TCP_CORK where the transport supports it; true when it did. */
    private static boolean cork(Channel channel, boolean on) {
        if (!(channel instanceof EpollSocketChannel) || !channel.isOpen()) return false;
        try {
            return channel.config().setOption(EpollChannelOption.TCP_CORK, on);
        } catch (ChannelException e) {
            return false; // the peer went away between the check and the call
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) ctx.channel().config().setAutoRead(true);
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            log.debug("VOD connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            log.warn("VOD connection {} failed", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
