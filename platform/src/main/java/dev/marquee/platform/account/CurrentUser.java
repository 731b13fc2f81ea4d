package dev.marquee.platform.account;

import dev.marquee.platform.id.PublicId;

/**
 * Who made the request, as proven by a Bearer access token or the site cookie. A controller
 * parameter of this type answers 401 when nobody is signed in, unless it is annotated
 * {@code @Nullable}.
 */
public record CurrentUser(long id, String username, Role role) {
    public static final String ATTRIBUTE = CurrentUser.class.getName();

    public String publicId() {
        return PublicId.encode(id);
    }

    public String roleName() {
        return role.wireName();
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Owners and admins may change a thing. */
    public boolean mayModify(long ownerId) {
        return id == ownerId || isAdmin();
    }
}
