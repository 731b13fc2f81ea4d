/** Danmaku storage in 6-minute slices, the REST, XML and WebSocket routes, and the sender hash. */
package dev.marquee.platform.danmaku.internal;
