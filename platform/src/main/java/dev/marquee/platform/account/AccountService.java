package dev.marquee.platform.account;

import dev.marquee.platform.account.internal.TokenIssuer;
import dev.marquee.platform.web.ProblemException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Registration, sign-in and token refresh: the public face of accounts. */
public interface AccountService {
    Pattern USERNAME = Pattern.compile("[A-Za-z0-9_-]{3,30}");

    /** Creates an account; the first one becomes admin. 409 when the name is taken, 400 when invalid. */
    User register(String username, String password, String email);

    /** Checks the password and issues a token pair; 401 on wrong credentials, 429 when rate-limited. */
    TokenPair signIn(String username, String password, String clientIp);

    /** Rotates a refresh token. Replaying a rotated token revokes its whole family (401). */
    TokenPair refresh(String refreshToken);

    /** Ends the session the refresh token belongs to. */
    void signOut(String refreshToken);

    /** The user an access token proves, if it is valid now. */
    Optional<CurrentUser> verifyAccessToken(String accessToken);

    Optional<User> findById(long id);

    Optional<User> findByUsername(String username);

    default User requireByUsername(String username) {
        return findByUsername(username).orElseThrow(() -> ProblemException.notFound("No channel named " + username + "."));
    }

    /** Seconds an access token lives. */
    static long accessTokenSeconds() {
        return TokenIssuer.ACCESS_SECONDS;
    }
}
