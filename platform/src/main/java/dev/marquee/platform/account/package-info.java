/** Accounts: registration, password sign-in, access and refresh tokens, the signed-in user. */
package dev.marquee.platform.account;
