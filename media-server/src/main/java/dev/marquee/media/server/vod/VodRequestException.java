package dev.marquee.media.server.vod;

import io.netty.handler.codec.http.HttpResponseStatus;

/** A request that ends in an error answer; stackless because it is control flow, not a bug. */
final class VodRequestException extends Exception {
    private final HttpResponseStatus status;

    VodRequestException(HttpResponseStatus status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    static VodRequestException badRequest(String detail) {
        return new VodRequestException(HttpResponseStatus.BAD_REQUEST, detail);
    }

    static VodRequestException forbidden(String detail) {
        return new VodRequestException(HttpResponseStatus.FORBIDDEN, detail);
    }

    static VodRequestException notFound() {
        return new VodRequestException(HttpResponseStatus.NOT_FOUND, "no such file");
    }

    HttpResponseStatus status() {
        return status;
    }
}
