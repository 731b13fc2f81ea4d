package dev.marquee.platform.account.internal;

import dev.marquee.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/** Writes a problem answer from a filter, where no controller advice reaches. */
final class ProblemWriter {
    private ProblemWriter() {}

    static void write(HttpServletRequest request, HttpServletResponse response, ProblemException problem) throws IOException {
        response.setStatus(problem.status().value());
        if (problem.retryAfterSeconds() != null) response.setHeader(HttpHeaders.RETRY_AFTER, problem.retryAfterSeconds().toString());
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (!request.getRequestURI().startsWith("/api/") && accept != null && accept.contains("text/html")) {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!doctype html><title>" + HtmlUtils.htmlEscape(problem.title()) + "</title><h1>"
                    + HtmlUtils.htmlEscape(problem.title()) + "</h1><p>" + HtmlUtils.htmlEscape(problem.getMessage()) + "</p>");
            return;
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"status\":" + problem.status().value()
                + ",\"title\":\"" + json(problem.title()) + "\",\"detail\":\"" + json(problem.getMessage()) + "\"}");
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.toString();
    }
}
