/** RTMP for the media plane: handshake, chunk stream, typed messages and the publishing session. */
package dev.marquee.media.rtmp;
