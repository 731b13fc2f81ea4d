/** The media plane's entry point: {@link dev.marquee.media.server.MediaServer} binds the HTTP media port and wires its pipeline. */
package dev.marquee.media.server;
