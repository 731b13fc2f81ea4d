/** Rate-limit buckets, the ban table and the WebSocket plumbing behind the community API. */
package dev.marquee.platform.community.internal;
