/**
 * Live streaming, control-plane side: stream keys and who may publish, which channels are live now,
 * past live sessions, the live API and pages. Bytes are the media plane's; it asks us through its SPI.
 */
package dev.marquee.platform.live;
