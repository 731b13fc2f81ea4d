package dev.marquee.platform.account.internal;

/** Shared token constants that the public face reports. */
public final class TokenIssuer {
    public static final long ACCESS_SECONDS = AccessTokens.LIFETIME.toSeconds();

    private TokenIssuer() {}
}
