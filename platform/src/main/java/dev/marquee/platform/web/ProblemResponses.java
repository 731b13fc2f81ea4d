package dev.marquee.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;

/** Builds one failure either as problem JSON (API callers) or as the error page (browsers on pages). */
final class ProblemResponses {
    private ProblemResponses() {}

    static boolean wantsPage(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path == null || path.startsWith("/api/") || path.startsWith("/ws/")) return false;
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }

    static ResponseEntity<ProblemDetail> json(HttpStatusCode status, String title, String detail, Long retryAfter) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter != null) builder.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        return builder.body(body);
    }

    static ModelAndView page(HttpStatusCode status, String title, String detail) {
        ModelAndView mav = new ModelAndView("error", Map.of("status", status.value(), "title", title, "detail", detail));
        mav.setStatus(status);
        return mav;
    }
}
