package dev.marquee.media.core.flv;

import dev.marquee.media.core.amf.Amf0;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Map;

/**
 * What an {@code onMetaData} script tag announces: which tracks (so a packager can wait for both sequence headers
 * instead of starting with one track and breaking off when the other appears) and the picture size.
 *
 * @param video  whether video is announced
 * @param audio  whether audio is announced
 * @param width  the announced picture width, 0 when not said (an MP4 init segment states it)
 * @param height the announced picture height, 0 when not said
 */
public record StreamMetadata(boolean video, boolean audio, int width, int height) {
    private static final String ON_META_DATA = "onMetaData";

    /** The announcement in a script tag body, or null when it is not (readable) onMetaData. */
    public static StreamMetadata parse(ByteBuf body) {
        List<Object> values;
        try {
            values = Amf0.decodeAll(body.duplicate());
        } catch (RuntimeException e) { // broken metadata announces nothing; the frames still play
            return null;
        }
        int name = values.indexOf(ON_META_DATA); // OBS sends it behind "@setDataFrame", ffmpeg alone
        if (name < 0 || name + 1 >= values.size() || !(values.get(name + 1) instanceof Map<?, ?> properties)) return null;
        return new StreamMetadata(announces(properties, "hasVideo", "videocodecid"), announces(properties, "hasAudio", "audiocodecid"),
                dimension(properties.get("width")), dimension(properties.get("height")));
    }

    private static int dimension(Object value) {
        return value instanceof Number n && n.doubleValue() >= 1 && n.doubleValue() <= 16384 ? (int) n.doubleValue() : 0;
    }

    private static boolean announces(Map<?, ?> properties, String flag, String codecId) {
        Object has = properties.get(flag);
        return has instanceof Boolean b ? b : properties.containsKey(codecId);
    }
}
