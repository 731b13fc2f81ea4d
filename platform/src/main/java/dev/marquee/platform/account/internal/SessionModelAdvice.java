package dev.marquee.platform.account.internal;

import dev.marquee.platform.account.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the signed-in user ({@code me}) and the CSRF token its forms and scripts send back. */
@ControllerAdvice(annotations = Controller.class)
class SessionModelAdvice {
    private final SessionCookies cookies;

    SessionModelAdvice(SessionCookies cookies) {
        this.cookies = cookies;
    }

    @ModelAttribute("me")
    CurrentUser me(HttpServletRequest request) {
        return (CurrentUser) request.getAttribute(CurrentUser.ATTRIBUTE);
    }

    @ModelAttribute("csrfToken")
    String csrfToken(HttpServletRequest request, HttpServletResponse response) {
        // @RestController is a @Controller too: API answers must not start a page session (a Set-Cookie).
        if (request.getRequestURI().startsWith("/api/")) return null;
        return cookies.csrfToken(request, response);
    }
}
