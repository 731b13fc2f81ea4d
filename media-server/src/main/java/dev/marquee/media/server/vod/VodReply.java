package dev.marquee.media.server.vod;

import dev.marquee.media.server.http.ProblemResponses;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;

/** What to answer: status, headers and a body that is null, a {@code ByteBuf} or a {@code FileRegion}. */
record VodReply(HttpResponseStatus status, HttpHeaders headers, Object body) {

    static VodReply problem(HttpResponseStatus status, String detail) {
        FullHttpResponse response = ProblemResponses.problem(status, detail);
        return new VodReply(status, response.headers(), response.content());
    }
}
