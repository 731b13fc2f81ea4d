/** RTMP for the media plane: handshake, chunk stream, typed messages and the server session (publish and play). */
package dev.marquee.media.rtmp;
