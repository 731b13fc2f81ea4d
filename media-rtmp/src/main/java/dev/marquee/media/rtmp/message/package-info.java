/**
 * Typed RTMP messages, one class per message type, and the codec between them and raw
 * {@link dev.marquee.media.rtmp.chunk.RtmpMessage}s; plus acknowledgement bookkeeping.
 */
package dev.marquee.media.rtmp.message;
