package dev.marquee.platform.account.internal;

import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.account.Role;
import dev.marquee.platform.account.User;
import dev.marquee.platform.config.Secrets;
import dev.marquee.platform.id.PublicId;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Component;

/** Short-lived HS256 access JWTs: subject is the user's public id, with name and role claims. */
@Component
class AccessTokens {
    static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final String ISSUER = "marquee";

    private final SecretKey key;
    private final JwtParser parser;
    private final Clock clock;

    AccessTokens(Secrets secrets, Clock clock) {
        this.key = Keys.hmacShaKeyFor(secrets.derive("jwt"));
        this.clock = clock;
        this.parser = Jwts.parser().verifyWith(key).requireIssuer(ISSUER)
                .clock(() -> Date.from(clock.instant())).build();
    }

    String issue(User user) {
        var now = clock.instant();
        return Jwts.builder().issuer(ISSUER).subject(user.publicId())
                .claim("name", user.username()).claim("role", user.role().wireName())
                .issuedAt(Date.from(now)).expiration(Date.from(now.plus(LIFETIME)))
                .signWith(key, Jwts.SIG.HS256).compact();
    }

    /** The user a valid token names; empty for anything expired, tampered or malformed. */
    Optional<CurrentUser> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 4096) return Optional.empty();
        try {
            Claims claims = parser.parseSignedClaims(token).getPayload();
            Optional<Long> id = PublicId.decode(claims.getSubject());
            if (id.isEmpty()) return Optional.empty();
            return Optional.of(new CurrentUser(id.get(), claims.get("name", String.class),
                    Role.fromWire(claims.get("role", String.class))));
        } catch (JwtException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
