/**
 * Live fan-out: a {@link dev.marquee.media.live.LiveSource} per published stream, viewers grouped per event
 * loop, each frame encoded once per output form and shared by reference count.
 */
package dev.marquee.media.live;
