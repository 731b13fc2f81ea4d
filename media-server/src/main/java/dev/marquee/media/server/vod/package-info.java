/** Video-on-demand file serving: signed {@code /vod/{token}/{videoId}/...} URLs mapped safely onto the media root, served with ranges, caching headers and sendfile. */
package dev.marquee.media.server.vod;
