package dev.marquee.media.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;

/** RFC 9457 problem bodies for error answers: a fixed title and detail, never a stack trace or echoed input. */
public final class ProblemResponses {
    private static final AsciiString PROBLEM_JSON = AsciiString.cached("application/problem+json");
    private static final AsciiString NO_STORE = AsciiString.cached("no-store");
    private static final HttpResponseStatus URI_TOO_LONG = HttpResponseStatus.REQUEST_URI_TOO_LONG;
    private static final HttpResponseStatus HEADERS_TOO_LARGE = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;

    private ProblemResponses() {
    }

    /** A complete {@code application/problem+json} response; {@code detail} must be a constant, not request data. */
    public static FullHttpResponse problem(HttpResponseStatus status, String detail) {
        String json = "{\"type\":\"about:blank\",\"title\":\"" + escape(status.reasonPhrase())
                + "\",\"status\":" + status.code() + ",\"detail\":\"" + escape(detail) + "\"}";
        ByteBuf body = Unpooled.copiedBuffer(json, StandardCharsets.UTF_8);
        HttpHeaders headers = DefaultHttpHeadersFactory.headersFactory().newHeaders();
        headers.set(HttpHeaderNames.CONTENT_TYPE, PROBLEM_JSON);
        headers.set(HttpHeaderNames.CACHE_CONTROL, NO_STORE);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body, headers, EmptyHttpHeaders.INSTANCE);
    }

    /** The status that names why the HTTP decoder gave up on a request: 414, 431 or 400. */
    public static HttpResponseStatus statusForDecoderFailure(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) return URI_TOO_LONG;
        if (cause instanceof TooLongHttpHeaderException) return HEADERS_TOO_LARGE;
        return HttpResponseStatus.BAD_REQUEST;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
