/** What the media plane needs from the control plane, as small interfaces and value types it owns. */
package dev.marquee.media.server.spi;
