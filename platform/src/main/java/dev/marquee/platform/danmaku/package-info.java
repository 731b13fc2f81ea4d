/**
 * Danmaku: short comments pinned to a moment of a video that fly across the picture when playback reaches it.
 * Stored per video in time slices, sent live to everyone watching, exported and imported as Bilibili XML.
 */
package dev.marquee.platform.danmaku;
