/**
 * Fragmented MP4 (ISO BMFF, as CMAF and HLS use it): the init segment that describes the tracks, and the
 * moof+mdat fragments that carry their samples. Written by hand for live HLS of codecs MPEG-TS cannot carry well.
 */
package dev.marquee.media.hls.fmp4;
