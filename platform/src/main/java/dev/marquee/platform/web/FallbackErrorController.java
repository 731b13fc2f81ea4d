package dev.marquee.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Errors raised outside MVC (filters, the container) end here, answered like every other error. */
@RestController
class FallbackErrorController implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null) status = HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = status.is5xxServerError() ? "Something went wrong on our side; it has been logged." : status.getReasonPhrase() + ".";
        return ProblemResponses.wantsPage(request)
                ? ProblemResponses.page(status, status.getReasonPhrase(), detail)
                : ProblemResponses.json(status, status.getReasonPhrase(), detail, null);
    }
}
