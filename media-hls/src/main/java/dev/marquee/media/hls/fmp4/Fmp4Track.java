package dev.marquee.media.hls.fmp4;

/**
 * One track of a fragmented MP4: what its sample entry says and the clock its times are in.
 *
 * @param sampleEntry {@code avc1}, {@code hvc1}, {@code av01} or {@code mp4a}
 * @param record      the decoder configuration record (avcC, hvcC, av1C payload) or AudioSpecificConfig
 * @param width       video only, from the stream's metadata (0 when unknown: decoders read the record)
 */
public record Fmp4Track(int id, String sampleEntry, byte[] record, int timescale, int width, int height,
                        int channels, int sampleRate) {
    public static Fmp4Track video(int id, String sampleEntry, byte[] record, int width, int height) {
        return new Fmp4Track(id, sampleEntry, record.clone(), 90_000, width, height, 0, 0);
    }

    public static Fmp4Track aac(int id, byte[] audioSpecificConfig, int channels, int sampleRate) {
        return new Fmp4Track(id, "mp4a", audioSpecificConfig.clone(), sampleRate, 0, 0, channels, sampleRate);
    }

    public boolean isVideo() {
        return !sampleEntry.equals("mp4a");
    }

    /** The box holding the record inside the sample entry. */
    String configBox() {
        return switch (sampleEntry) {
            case "avc1" -> "avcC";
            case "hvc1" -> "hvcC";
            case "av01" -> "av1C";
            default -> "esds";
        };
    }
}
