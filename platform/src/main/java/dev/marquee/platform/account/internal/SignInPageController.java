package dev.marquee.platform.account.internal;

import dev.marquee.platform.account.AccountService;
import dev.marquee.platform.account.TokenPair;
import dev.marquee.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in, register and sign-out pages; a session lives in cookies (see SessionCookies). */
@Controller
class SignInPageController {
    private final AccountService accounts;
    private final SessionCookies cookies;

    SignInPageController(AccountService accounts, SessionCookies cookies) {
        this.accounts = accounts;
        this.cookies = cookies;
    }

    @GetMapping("/login")
    String loginPage(@RequestParam(required = false) String next, Model model) {
        model.addAttribute("next", safeNext(next));
        return "login";
    }

    @PostMapping("/login")
    String login(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                 @RequestParam(required = false) String next, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        try {
            TokenPair tokens = accounts.signIn(username, password, request.getRemoteAddr());
            cookies.start(response, tokens);
            return "redirect:" + safeNext(next);
        } catch (ProblemException e) {
            return again("login", e, username, next, response, model);
        }
    }

    @GetMapping("/register")
    String registerPage(@RequestParam(required = false) String next, Model model) {
        model.addAttribute("next", safeNext(next));
        return "register";
    }

    @PostMapping("/register")
    String register(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                    @RequestParam(required = false) String email, @RequestParam(required = false) String next,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            accounts.register(username, password, email);
            cookies.start(response, accounts.signIn(username, password, request.getRemoteAddr()));
            return "redirect:" + safeNext(next);
        } catch (ProblemException e) {
            return again("register", e, username, next, response, model);
        }
    }

    @PostMapping("/logout")
    String logout(HttpServletRequest request, HttpServletResponse response) {
        String refresh = SessionCookies.read(request, SessionCookies.REFRESH);
        if (refresh != null) accounts.signOut(refresh);
        cookies.end(response);
        return "redirect:/";
    }

    private static String again(String view, ProblemException e, String username, String next,
                                HttpServletResponse response, Model model) {
        response.setStatus(e.status().value());
        if (e.retryAfterSeconds() != null) response.setHeader("Retry-After", e.retryAfterSeconds().toString());
        model.addAttribute("error", e.getMessage());
        model.addAttribute("username", username.length() > 30 ? "" : username);
        model.addAttribute("next", safeNext(next));
        return view;
    }

    /** Only local paths, so a crafted link cannot send people elsewhere after signing in. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.length() > 500) return "/";
        for (char c : next.toCharArray()) if (c < 0x21 || c == 0x7f) return "/";
        return next;
    }
}
