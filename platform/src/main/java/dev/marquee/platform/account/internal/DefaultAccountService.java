package dev.marquee.platform.account.internal;

import dev.marquee.platform.account.AccountService;
import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.account.TokenPair;
import dev.marquee.platform.account.User;
import dev.marquee.platform.id.IdGenerator;
import dev.marquee.platform.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Service;

@Service
class DefaultAccountService implements AccountService {
    /** Names that would collide with fixed routes beside /{username} ones (/api/v1/live/key, /title, /replays, /settings, /ingest, /sessions). */
    static final java.util.Set<String> RESERVED = java.util.Set.of("key", "title", "replays", "settings", "ingest", "sessions", "rotate", "admin", "api");

    static final Duration REFRESH_LIFETIME = Duration.ofDays(30);
    // Argon2id with OWASP's minimum: 19 MiB, 2 passes, 1 lane.
    private static final Argon2PasswordEncoder PASSWORDS = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    private static final String DUMMY_HASH = PASSWORDS.encode("timing-equaliser");

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final AccessTokens accessTokens;
    private final LoginRateLimiter rateLimiter;
    private final IdGenerator ids;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    DefaultAccountService(UserRepository users, RefreshTokenRepository refreshTokens, AccessTokens accessTokens,
                          LoginRateLimiter rateLimiter, IdGenerator ids, Clock clock) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.rateLimiter = rateLimiter;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public User register(String username, String password, String email) {
        if (username == null || !USERNAME.matcher(username).matches())
            throw ProblemException.badRequest("A username is 3 to 30 letters, digits, '_' or '-'.");
        if (RESERVED.contains(username.toLowerCase(java.util.Locale.ROOT)))
            throw ProblemException.conflict("The name " + username + " is reserved.");
        if (password == null || password.length() < 8 || password.length() > 128)
            throw ProblemException.badRequest("A password is 8 to 128 characters.");
        if (email != null && !email.isBlank() && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+")))
            throw ProblemException.badRequest("That email address does not look right.");
        String mail = email == null || email.isBlank() ? null : email.trim();
        return users.insert(ids.next(), username, mail, PASSWORDS.encode(password), clock.instant())
                .orElseThrow(() -> ProblemException.conflict("The username " + username + " is taken."));
    }

    @Override
    public TokenPair signIn(String username, String password, String clientIp) {
        if (username == null || password == null || username.length() > 30 || password.length() > 128)
            throw ProblemException.unauthorized("Wrong username or password.");
        rateLimiter.checkAllowed(clientIp, username);
        Optional<User> user = users.findByUsername(username);
        String hash = user.flatMap(u -> users.passwordHash(u.id())).orElse(DUMMY_HASH);
        boolean ok = PASSWORDS.matches(password, hash) && user.isPresent();
        if (!ok) {
            rateLimiter.recordFailure(clientIp, username);
            throw ProblemException.unauthorized("Wrong username or password.");
        }
        return issue(user.get(), ids.next());
    }

    @Override
    public TokenPair refresh(String refreshToken) {
        var stored = refreshTokens.findByHash(hash(refreshToken))
                .orElseThrow(() -> ProblemException.unauthorized("That refresh token is not valid."));
        Instant now = clock.instant();
        if (stored.revoked() || stored.used() || !refreshTokens.markUsed(stored.id(), now)) {
            // A rotated token came back: someone holds a copy. End every session of this family.
            refreshTokens.revokeFamily(stored.familyId());
            throw ProblemException.unauthorized("That refresh token was already used; the session is closed.");
        }
        if (stored.expiresAt().isBefore(now)) throw ProblemException.unauthorized("That refresh token has expired.");
        User user = users.findById(stored.userId())
                .orElseThrow(() -> ProblemException.unauthorized("That account no longer exists."));
        return issue(user, stored.familyId());
    }

    @Override
    public void signOut(String refreshToken) {
        refreshTokens.findByHash(hash(refreshToken)).ifPresent(t -> refreshTokens.revokeFamily(t.familyId()));
    }

    @Override
    public Optional<CurrentUser> verifyAccessToken(String accessToken) {
        return accessTokens.verify(accessToken);
    }

    @Override
    public Optional<User> findById(long id) {
        return users.findById(id);
    }

    @Override
    public Optional<User> findByUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) return Optional.empty();
        return users.findByUsername(username);
    }

    private TokenPair issue(User user, long familyId) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        refreshTokens.insert(ids.next(), familyId, user.id(), hash(refresh), now, now.plus(REFRESH_LIFETIME));
        return new TokenPair(accessTokens.issue(user), refresh, AccessTokens.LIFETIME.toSeconds());
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(token).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
