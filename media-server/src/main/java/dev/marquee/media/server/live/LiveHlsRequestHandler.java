package dev.marquee.media.server.live;

import dev.marquee.media.hls.HlsSegment;
import dev.marquee.media.hls.LiveHlsSegmenter;
import dev.marquee.media.server.http.CorsPolicy;
import dev.marquee.media.server.http.ProblemResponses;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import dev.marquee.media.server.spi.LivePaths;
import dev.marquee.media.server.spi.PlaybackAuthorizer;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live HLS on the media port: {@code /live/{stream}/index.m3u8}, its segments {@code seg-{n}.ts} (H.264) or
 * {@code seg-{n}.m4s} with their init segment {@code init-{v}.mp4} (HEVC, AV1), each with
 * the {@code ?token=} the playback authorizer asks for. The playlist passes its own token on to every segment
 * URI, so a player that was given one signed URL can fetch the rest.
 */
@ChannelHandler.Sharable
final class LiveHlsRequestHandler extends ChannelInboundHandlerAdapter {
    private static final Pattern PATH = Pattern.compile(
            "/live/([A-Za-z0-9_-]{1,64})/(index\\.m3u8|seg-(\\d{1,18})\\.(ts|m4s)|init-(\\d{1,9})\\.mp4)");
    /** The URI attribute of a playlist tag (EXT-X-MAP). */
    private static final Pattern URI_ATTRIBUTE = Pattern.compile("URI=\"([^\"]*)\"");

    private static final InternalLogger log = InternalLoggerFactory.getInstance(LiveHlsRequestHandler.class);

    private final LiveCompanions companions;
    private final PlaybackAuthorizer authorizer;
    private final CorsPolicy cors;

    LiveHlsRequestHandler(LiveCompanions companions, PlaybackAuthorizer authorizer, CorsPolicy cors) {
        this.companions = companions;
        this.authorizer = authorizer;
        this.cors = cors;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        QueryStringDecoder query = msg instanceof HttpRequest r && !r.decoderResult().isFailure()
                && (HttpMethod.GET.equals(r.method()) || HttpMethod.HEAD.equals(r.method()))
                ? new QueryStringDecoder(r.uri()) : null;
        Matcher m = query == null ? null : PATH.matcher(query.path());
        if (m == null || !m.matches()) {
            ctx.fireChannelRead(msg);
            return;
        }
        HttpRequest request = (HttpRequest) msg;
        ReferenceCountUtil.release(msg);
        List<String> tokens = query.parameters().get("token");
        String token = tokens == null || tokens.isEmpty() ? null : tokens.get(0);
        boolean uncounted = query.parameters().containsKey(LivePaths.UNCOUNTED_PARAMETER);
        Optional<LiveHlsSegmenter> hls = companions.hls(m.group(1));
        FullHttpResponse response;
        if (!mayPlay(m.group(1), token)) {
            response = ProblemResponses.problem(HttpResponseStatus.FORBIDDEN, "invalid or expired token");
        } else if (hls.isEmpty() || !hls.get().hasSegments()) {
            response = ProblemResponses.problem(HttpResponseStatus.NOT_FOUND, "no such live stream");
        } else if (m.group(5) != null) {
            Optional<ByteBuf> init = hls.get().initSegment(Integer.parseInt(m.group(5)));
            response = init.isPresent()
                    ? ok(init.get(), "video/mp4", "public, max-age=60")
                    : ProblemResponses.problem(HttpResponseStatus.NOT_FOUND, "no such init segment");
        } else if (m.group(3) == null) {
            response = ok(Unpooled.copiedBuffer(withQuery(hls.get().playlist(), playlistQuery(token, uncounted)), StandardCharsets.UTF_8),
                    "application/vnd.apple.mpegurl", "no-cache"); // a live playlist changes every segment
        } else {
            Optional<HlsSegment> segment = hls.get().segment(Long.parseLong(m.group(3)))
                    .filter(s -> s.isFragment() == m.group(4).equals("m4s"));
            if (segment.isPresent() && !uncounted && isWholeDownload(request)) {
                companions.hlsAudience(m.group(1)).ifPresent(a -> a.downloaded(segment.get().sequence()));
            }
            response = segment.isPresent()
                    ? ok(segment.get().content(), segment.get().isFragment() ? "video/iso.segment" : "video/mp2t", "public, max-age=60")
                    : ProblemResponses.problem(HttpResponseStatus.NOT_FOUND, "no such segment");
        }
        cors.decorate(request.headers().get(HttpHeaderNames.ORIGIN), response.headers());
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        if (HttpMethod.HEAD.equals(request.method())) response.content().clear();
        var future = ctx.writeAndFlush(response);
        if (!keepAlive) future.addListener(ChannelFutureListener.CLOSE);
    }

    /** The playlist with {@code ?token=} on every URI (segment lines and EXT-X-MAP), when the request came with one. */
    static String withToken(String playlist, String token) {
        return withQuery(playlist, playlistQuery(token, false));
    }

    /** What the playlist's URIs carry on: the token, and that the fetcher is no viewer (a server's own preview). */
    static String playlistQuery(String token, boolean uncounted) {
        String signed = token == null ? null : "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        if (!uncounted) return signed;
        return signed == null ? LivePaths.UNCOUNTED_PARAMETER + "=1" : signed + "&" + LivePaths.UNCOUNTED_PARAMETER + "=1";
    }

    /** The playlist with {@code ?query} on every URI, or as it is for a null query. */
    static String withQuery(String playlist, String query) {
        if (query == null) return playlist;
        String suffix = "?" + query;
        StringBuilder out = new StringBuilder(playlist.length() + 64 * suffix.length());
        for (String line : playlist.split("\n", -1)) {
            if (!out.isEmpty()) out.append('\n');
            if (line.startsWith("#")) {
                out.append(URI_ATTRIBUTE.matcher(line).replaceAll(r -> Matcher.quoteReplacement("URI=\"" + r.group(1) + suffix + "\"")));
            } else {
                out.append(line);
                if (!line.isEmpty()) out.append(suffix);
            }
        }
        return out.toString();
    }

    /** A GET of the whole segment (ranges are not served, but a player probing with one is not a second viewer). */
    private static boolean isWholeDownload(HttpRequest request) {
        String range = request.headers().get(HttpHeaderNames.RANGE);
        return HttpMethod.GET.equals(request.method()) && (range == null || range.strip().equals("bytes=0-"));
    }

    private boolean mayPlay(String name, String token) {
        try {
            return authorizer.mayPlay(name, token);
        } catch (RuntimeException e) {
            log.warn("playback authorizer failed for {}", name, e);
            return false;
        }
    }

    private static FullHttpResponse ok(ByteBuf body, String type, String cache) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, type).set(HttpHeaderNames.CACHE_CONTROL, cache)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        return response;
    }
}
