/** The chat table, the live chat room, its moderation routes, the viewer count ticker and the replay writer. */
package dev.marquee.platform.chat.internal;
