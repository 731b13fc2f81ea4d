/** How accounts work inside: storage, token issuing, the request filter, the API and the sign-in pages. */
package dev.marquee.platform.account.internal;
