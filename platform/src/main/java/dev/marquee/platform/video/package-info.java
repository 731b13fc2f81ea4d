/** Videos: their metadata and life cycle, the video API, playback URLs and view counts. */
package dev.marquee.platform.video;
