package dev.marquee.platform.account;

import dev.marquee.platform.id.PublicId;
import java.time.Instant;

/** A registered account. */
public record User(long id, String username, String email, Role role, Instant createdAt) {

    public String publicId() {
        return PublicId.encode(id);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
