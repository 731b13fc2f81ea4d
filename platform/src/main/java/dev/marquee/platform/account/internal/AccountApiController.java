package dev.marquee.platform.account.internal;

import dev.marquee.platform.account.AccountService;
import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.account.TokenPair;
import dev.marquee.platform.account.User;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The account routes of API.md. */
@RestController
class AccountApiController {
    record Registration(String username, String password, String email) {}

    record Credentials(String username, String password) {}

    record RefreshRequest(String refreshToken) {}

    private final AccountService accounts;

    AccountApiController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/api/v1/users")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> register(@RequestBody Registration body) {
        User user = accounts.register(body.username(), body.password(), body.email());
        return Map.of("id", user.publicId(), "username", user.username());
    }

    @PostMapping("/api/v1/auth/token")
    TokenPair token(@RequestBody Credentials body, HttpServletRequest request) {
        return accounts.signIn(body.username(), body.password(), request.getRemoteAddr());
    }

    @PostMapping("/api/v1/auth/refresh")
    TokenPair refresh(@RequestBody RefreshRequest body) {
        return accounts.refresh(body.refreshToken());
    }

    @PostMapping("/api/v1/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@RequestBody RefreshRequest body) {
        accounts.signOut(body.refreshToken());
    }

    @GetMapping("/api/v1/users/me")
    Map<String, String> me(CurrentUser me) {
        return Map.of("id", me.publicId(), "username", me.username(), "role", me.roleName());
    }
}
