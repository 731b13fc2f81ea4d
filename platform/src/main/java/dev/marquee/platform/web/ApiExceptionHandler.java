package dev.marquee.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Turns every failure into problem details; never a stack trace to a client. */
@RestControllerAdvice
class ApiExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ProblemException.class)
    Object problem(ProblemException e, HttpServletRequest request, HttpServletResponse response) {
        return answer(request, e.status(), e.title(), e.getMessage(), e.retryAfterSeconds());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class, HandlerMethodValidationException.class})
    Object unreadable(Exception e, HttpServletRequest request) {
        String detail = e instanceof HttpMessageNotReadableException
                ? "The request body is not valid JSON of the expected shape."
                : "A parameter is missing or has the wrong type.";
        return answer(request, HttpStatus.BAD_REQUEST, "Invalid request", detail, null);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(Exception e, HttpServletRequest request) {
        return answer(request, HttpStatus.CONTENT_TOO_LARGE, "Too large", "The request body is too large.", null);
    }

    /** Spring's own errors (405, 406, 415, 404 for unknown routes) keep their status. */
    private static Object framework(ErrorResponse e, HttpServletRequest request) {
        HttpStatusCode status = e.getStatusCode();
        String reason = status instanceof HttpStatus s ? s.getReasonPhrase() : "Error";
        String detail = status.value() == 404 ? "There is nothing at this address." : reason + ".";
        return answer(request, status, reason, detail, null);
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse known) return framework(known, request);
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side; it has been logged.", null);
    }

    private static Object answer(HttpServletRequest request, HttpStatusCode status, String title, String detail, Long retryAfter) {
        return ProblemResponses.wantsPage(request)
                ? ProblemResponses.page(status, title, detail)
                : ProblemResponses.json(status, title, detail, retryAfter);
    }
}
