package dev.marquee.platform.transcode;

/**
 * One variant of the HLS ladder as announced in the master playlist.
 *
 * @param width            coded width in pixels (square pixels)
 * @param height           coded height in pixels
 * @param bandwidth        BANDWIDTH in the master: peak segment bit rate, bits per second
 * @param averageBandwidth AVERAGE-BANDWIDTH in the master, bits per second
 * @param codecs           CODECS in the master, e.g. {@code avc1.64001f,mp4a.40.2}
 * @param playlist         the variant playlist relative to the output directory, e.g. {@code v0/index.m3u8}
 */
public record Rendition(int width, int height, long bandwidth, long averageBandwidth, String codecs, String playlist) {
}
