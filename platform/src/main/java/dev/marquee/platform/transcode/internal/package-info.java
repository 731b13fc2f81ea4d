/**
 * The ffmpeg plumbing behind the transcode feature: argument lists, process handling, progress
 * parsing, ffprobe JSON reading, playlist and storyboard writing. Not for use outside the feature.
 */
package dev.marquee.platform.transcode.internal;
