/**
 * Live streaming on the media ports: RTMP publishers feed media-live's sources, RTMP and HTTP-FLV viewers are
 * its sinks, each written the one shared encoding of every frame for its form.
 */
package dev.marquee.media.server.live;
