package dev.marquee.platform.transcode.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.platform.transcode.ProbeResult;
import dev.marquee.platform.transcode.UnplayableMediaException;
import org.junit.jupiter.api.Test;

class ProbeReaderTest {

    private static String video(String extra) {
        return """
                {"index": 0, "codec_name": "h264", "codec_type": "video", "width": 1920, "height": 1080,
                 "pix_fmt": "yuv420p", "r_frame_rate": "30/1", "avg_frame_rate": "30000/1001",
                 "sample_aspect_ratio": "1:1", "duration": "12.500000", "nb_frames": "375",
                 "disposition": {"attached_pic": 0}%s}""".formatted(extra);
    }

    private static final String AUDIO = """
            {"index": 1, "codec_name": "aac", "codec_type": "audio", "sample_rate": "48000"}""";

    private static String file(String format, String... streams) {
        return """
                {"streams": [%s], "format": {"format_name": "%s", "duration": "12.533000"}}"""
                .formatted(String.join(",", streams), format);
    }

    @Test
    void readsSizeRateDurationAndStreams() throws Exception {
        ProbeResult probe = ProbeReader.read(file("mov,mp4,m4a,3gp,3g2,mj2", video(""), AUDIO));

        assertThat(probe).isEqualTo(new ProbeResult(12.5, 1920, 1080, true, "h264", "yuv420p", 30000.0 / 1001, 0,
                30, 0, 1));
    }

    @Test
    void swapsWidthAndHeightForAQuarterTurn() throws Exception {
        String rotated = video(", \"side_data_list\": [{\"side_data_type\": \"Display Matrix\", \"rotation\": -90}]");

        ProbeResult probe = ProbeReader.read(file("mov", rotated));

        assertThat(probe.rotation()).isEqualTo(90);
        assertThat(probe.width()).isEqualTo(1080);
        assertThat(probe.height()).isEqualTo(1920);
        assertThat(probe.hasAudio()).isFalse();
        assertThat(probe.audioStreamIndex()).isEqualTo(-1);
    }

    @Test
    void readsTheOldRotateTagAndHalfTurns() throws Exception {
        assertThat(ProbeReader.read(file("mov", video(", \"tags\": {\"rotate\": \"270\"}"))))
                .extracting(ProbeResult::rotation, ProbeResult::width).containsExactly(270, 1080);
        assertThat(ProbeReader.read(file("mov", video(", \"side_data_list\": [{\"rotation\": 180}]"))))
                .extracting(ProbeResult::rotation, ProbeResult::width).containsExactly(180, 1920);
    }

    @Test
    void widensNonSquarePixels() throws Exception {
        String dv = video("").replace("\"sample_aspect_ratio\": \"1:1\"", "\"sample_aspect_ratio\": \"4:3\"")
                .replace("\"width\": 1920", "\"width\": 1440");

        assertThat(ProbeReader.read(file("mov", dv)).width()).isEqualTo(1920);
    }

    @Test
    void fallsBackToTheContainerDurationAndMarksUnknownAsNaN() throws Exception {
        assertThat(ProbeReader.read(file("matroska,webm", video("").replace("\"duration\": \"12.500000\",", "")))
                .durationSeconds()).isEqualTo(12.533);
        String noDuration = """
                {"streams": [%s], "format": {"format_name": "h264"}}"""
                .formatted(video("").replace("\"duration\": \"12.500000\",", ""));
        assertThat(ProbeReader.read(noDuration).durationSeconds()).isNaN();
    }

    @Test
    void coverArtIsNotAVideo() {
        String cover = video("").replace("\"attached_pic\": 0", "\"attached_pic\": 1").replace("\"index\": 0", "\"index\": 2");

        assertThatThrownBy(() -> ProbeReader.read(file("mp3", AUDIO, cover)))
                .isInstanceOf(UnplayableMediaException.class).hasMessage(ProbeReader.AUDIO_ONLY);
    }

    @Test
    void refusesFilesWithoutPictures() {
        assertThatThrownBy(() -> ProbeReader.read(file("mp3", AUDIO)))
                .hasMessage("This file has no video stream (audio only)");
        assertThatThrownBy(() -> ProbeReader.read(file("srt")))
                .hasMessage("This file has no video stream");
        assertThatThrownBy(() -> ProbeReader.read("not json"))
                .hasMessage("This file is not a video ffmpeg can read");
    }

    @Test
    void refusesStillImages() {
        String png = """
                {"index": 0, "codec_name": "png", "codec_type": "video", "width": 320, "height": 240}""";
        String jpeg = """
                {"index": 0, "codec_name": "mjpeg", "codec_type": "video", "width": 320, "height": 240,
                 "duration": "0.040000"}""";

        assertThatThrownBy(() -> ProbeReader.read(file("png_pipe", png))).hasMessage("This is an image, not a video");
        assertThatThrownBy(() -> ProbeReader.read(file("image2", jpeg))).hasMessage("This is an image, not a video");
        String stillGif = """
                {"streams": [%s], "format": {"format_name": "gif"}}""".formatted(png.replace("png", "gif"));
        assertThatThrownBy(() -> ProbeReader.read(stillGif)).hasMessage("This is an image, not a video");
    }

    @Test
    void acceptsMotionJpegVideo() throws Exception {
        String mjpeg = """
                {"index": 0, "codec_name": "mjpeg", "codec_type": "video", "width": 640, "height": 480,
                 "avg_frame_rate": "25/1", "duration": "8.0", "nb_frames": "200"}""";

        assertThat(ProbeReader.read(file("avi", mjpeg)).videoCodec()).isEqualTo("mjpeg");
    }
}
