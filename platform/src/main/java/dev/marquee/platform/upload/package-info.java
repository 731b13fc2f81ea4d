/** Resumable uploads (tus 1.0) into a video that was created first; a finished upload starts processing. */
package dev.marquee.platform.upload;
