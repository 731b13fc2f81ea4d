/**
 * Viewers held by hand-written NIO selector loops: one thread holds about a thousand connections, reads into
 * one large direct buffer and hands the bytes to the scanners in place.
 */
package dev.marquee.bench.viewer;
