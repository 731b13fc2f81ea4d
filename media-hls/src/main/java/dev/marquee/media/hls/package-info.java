/**
 * Live HLS (RFC 8216) without transcoding: {@link dev.marquee.media.hls.LiveHlsSegmenter} remuxes a live
 * stream's FLV frames into ~2 s MPEG-TS segments and keeps the last few, with their media playlist, in memory.
 */
package dev.marquee.media.hls;
