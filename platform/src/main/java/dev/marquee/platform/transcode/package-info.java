/** Turning an uploaded original into an adaptive HLS ladder with ffmpeg, as background jobs. */
package dev.marquee.platform.transcode;
