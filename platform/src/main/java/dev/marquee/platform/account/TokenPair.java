package dev.marquee.platform.account;

/** What a sign-in or refresh returns: a short-lived access JWT and a single-use refresh token. */
public record TokenPair(String accessToken, String refreshToken, long expiresIn) {}
