/**
 * The media plane's entry point: {@link dev.marquee.media.server.MediaServer} binds the HTTP media port (VOD,
 * HTTP-FLV) and the RTMP port (publish and play) and wires their pipelines.
 */
package dev.marquee.media.server;
