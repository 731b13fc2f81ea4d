/**
 * Likes on videos, subscriptions to channels, the subscriptions page and in-site notifications when a
 * subscribed channel publishes a video or goes live. Nothing outside uses it directly: it listens to events.
 */
package dev.marquee.platform.social;
