package dev.marquee.media.live;

/**
 * The tracks a stream carries, as an FLV file header tells a player. Players wait for every track the header
 * names (mpegts.js shows nothing of a video-only stream whose header also promises audio), so a stream that has
 * announced nothing yet names both.
 */
public record StreamTracks(boolean audio, boolean video) {
    public static final StreamTracks UNKNOWN = new StreamTracks(true, true);

    StreamTracks withAudio() {
        return new StreamTracks(true, video);
    }

    StreamTracks withVideo() {
        return new StreamTracks(audio, true);
    }
}
