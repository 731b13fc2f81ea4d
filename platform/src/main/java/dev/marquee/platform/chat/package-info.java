/**
 * Live chat: a channel's chat room over WebSocket while it is live, moderation by the streamer and admins
 * (delete, timeout, ban, slow mode), and the session's chat replayed as danmaku on its recording.
 */
package dev.marquee.platform.chat;
