/** How comments are stored, paged by opaque cursors, checked for permission and served over the API. */
package dev.marquee.platform.comment.internal;
