/** The bench publisher: a pre-encoded FLV file sent over RTMP in real time, looping, each video frame stamped. */
package dev.marquee.bench.publish;
