/** Storage, API, pages and event listeners of likes, subscriptions and notifications. */
package dev.marquee.platform.social.internal;
