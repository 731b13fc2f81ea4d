/**
 * The server side of an RTMP connection after the codecs: answers the NetConnection and NetStream
 * commands of a publisher (OBS, FFmpeg) and hands its frames to a {@link dev.marquee.media.rtmp.server.RtmpPublishListener}.
 */
package dev.marquee.media.rtmp.server;
