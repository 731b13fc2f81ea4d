/**
 * What users write for others to read, and the rules it passes: clean text ({@link dev.marquee.platform.community.UserText}),
 * rate limits, flood refusal and bans ({@link dev.marquee.platform.community.PostGuard}), and the WebSocket rooms
 * new posts travel in ({@link dev.marquee.platform.community.Rooms}). Comments, danmaku and chat build on it.
 */
package dev.marquee.platform.community;
