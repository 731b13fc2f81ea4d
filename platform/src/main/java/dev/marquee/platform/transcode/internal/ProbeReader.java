package dev.marquee.platform.transcode.internal;

import dev.marquee.platform.transcode.ProbeResult;
import dev.marquee.platform.transcode.UnplayableMediaException;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the JSON of {@code ffprobe -show_streams -show_format} into a {@link ProbeResult}, or
 * refuses the file in words an uploader understands.
 */
public final class ProbeReader {

    public static final String AUDIO_ONLY = "This file has no video stream (audio only)";
    public static final String NO_VIDEO = "This file has no video stream";
    public static final String IMAGE = "This is an image, not a video";
    public static final String UNREADABLE = "This file is not a video ffmpeg can read";

    private static final Set<String> IMAGE_CODECS = Set.of("png", "mjpeg", "jpeg2000", "jpegls", "jpegxl", "bmp",
            "webp", "tiff", "gif", "qoi", "ppm", "pgm", "pam", "pcx", "sgi", "targa", "exr", "hdr", "photocd");
    private static final JsonMapper JSON = JsonMapper.shared();

    private ProbeReader() {
    }

    /** Reads ffprobe's JSON; the duration is NaN when neither stream nor container knows it. */
    public static ProbeResult read(String json) throws UnplayableMediaException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new UnplayableMediaException(UNREADABLE, "ffprobe printed no JSON: " + e.getOriginalMessage());
        }
        JsonNode video = null;
        JsonNode audio = null;
        for (JsonNode stream : root.path("streams").values()) {
            String type = text(stream, "codec_type");
            boolean knownCodec = !text(stream, "codec_name").isEmpty();
            if ("video".equals(type) && video == null && knownCodec
                    && stream.path("disposition").path("attached_pic").asInt(0) == 0) {
                video = stream;
            } else if ("audio".equals(type) && audio == null && knownCodec) {
                audio = stream;
            }
        }
        if (video == null) {
            throw new UnplayableMediaException(audio != null ? AUDIO_ONLY : NO_VIDEO);
        }
        JsonNode format = root.path("format");
        double duration = number(video, "duration");
        if (!(duration > 0)) {
            duration = number(format, "duration");
        }
        if (isImage(video, text(format, "format_name"), duration)) {
            throw new UnplayableMediaException(IMAGE);
        }
        int width = (int) number(video, "width");
        int height = (int) number(video, "height");
        if (!(width > 0 && height > 0)) {
            throw new UnplayableMediaException(UNREADABLE, "the video stream has no picture size");
        }
        double sar = ratio(text(video, "sample_aspect_ratio").replace(':', '/'));
        if (sar > 0 && Math.abs(sar - 1) > 0.01) {
            width = Math.max(1, (int) Math.round(width * sar));
        }
        int rotation = rotation(video);
        if (rotation == 90 || rotation == 270) {
            int swap = width;
            width = height;
            height = swap;
        }
        double nominal = ratio(text(video, "r_frame_rate"));
        double average = ratio(text(video, "avg_frame_rate"));
        return new ProbeResult(duration > 0 ? duration : Double.NaN, width, height, audio != null,
                text(video, "codec_name"), text(video, "pix_fmt"), average > 0 ? average : nominal, rotation,
                nominal, (int) number(video, "index"), audio == null ? -1 : (int) number(audio, "index"));
    }

    /** A single picture: an image format or codec with no running time or only one frame. */
    private static boolean isImage(JsonNode video, String formatName, double duration) {
        if (formatName.equals("image2") || formatName.endsWith("_pipe")) {
            return true;
        }
        double frames = number(video, "nb_frames");
        return IMAGE_CODECS.contains(text(video, "codec_name"))
                && (!(duration > 0.1) || frames == 1);
    }

    /** Clockwise degrees, from the display matrix (counter-clockwise in ffprobe) or the old rotate tag. */
    static int rotation(JsonNode video) {
        for (JsonNode side : video.path("side_data_list").values()) {
            if (side.has("rotation")) {
                return normalize(-number(side, "rotation"));
            }
        }
        double tag = number(video.path("tags"), "rotate");
        return Double.isNaN(tag) ? 0 : normalize(tag);
    }

    private static int normalize(double degrees) {
        long quarter = Math.round(degrees / 90.0);
        return (int) Math.floorMod(quarter * 90, 360L);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() ? value.asString("") : "";
    }

    /** A number whether ffprobe printed it as a number or as a string ("5.000000", "N/A"); NaN if absent. */
    static double number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isString()) {
            try {
                return Double.parseDouble(value.asString());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** "30000/1001" → 29.97; 0 for "0/0" or garbage. */
    static double ratio(String fraction) {
        int slash = fraction.indexOf('/');
        try {
            if (slash < 0) {
                return fraction.isEmpty() ? 0 : Double.parseDouble(fraction);
            }
            double num = Double.parseDouble(fraction.substring(0, slash));
            double den = Double.parseDouble(fraction.substring(slash + 1));
            return den > 0 && num > 0 ? num / den : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
