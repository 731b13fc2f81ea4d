/**
 * The server side of an RTMP connection after the codecs: answers the NetConnection and NetStream
 * commands of a publisher (OBS, FFmpeg) and hands its frames to a {@link dev.marquee.media.rtmp.server.RtmpPublishListener};
 * a player (FFmpeg, librtmp) is announced and handed to a {@link dev.marquee.media.rtmp.server.RtmpPlayListener}.
 */
package dev.marquee.media.rtmp.server;
