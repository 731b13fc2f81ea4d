/**
 * The RTMP handshake, server side (simple and Flash Player 9 digest) and client side (simple); each
 * handler removes itself once done and passes on the bytes that followed.
 */
package dev.marquee.media.rtmp.handshake;
