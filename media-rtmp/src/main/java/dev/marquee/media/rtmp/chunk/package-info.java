/**
 * The RTMP chunk stream: {@link dev.marquee.media.rtmp.chunk.RtmpChunkDecoder} reassembles chunks into
 * {@link dev.marquee.media.rtmp.chunk.RtmpMessage}s and {@link dev.marquee.media.rtmp.chunk.RtmpChunkEncoder}
 * splits them again.
 */
package dev.marquee.media.rtmp.chunk;
