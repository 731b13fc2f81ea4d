package dev.marquee.platform.web;

import org.springframework.http.HttpStatus;

/** A failure the client caused or may see, answered as RFC 9457 problem details. */
public class ProblemException extends RuntimeException {
    private final HttpStatus status;
    private final String title;
    private final Long retryAfterSeconds;

    public ProblemException(HttpStatus status, String title, String detail) {
        this(status, title, detail, null);
    }

    public ProblemException(HttpStatus status, String title, String detail, Long retryAfterSeconds) {
        super(detail, null, false, false); // no stack trace: it is an answer, not a bug
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "Conflict", detail);
    }

    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", detail, retryAfterSeconds);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
