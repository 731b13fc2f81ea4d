package dev.marquee.platform.transcode.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Reads the RFC 6381 codec string ({@code avc1.PPCCLL}) from the avcC box of an fMP4 init
 * segment, so the master playlist states exactly the profile and level x264 chose.
 */
public final class AvcCodecString {

    private AvcCodecString() {
    }

    /** The codec string, or null when the file holds no avcC box. */
    public static String read(Path init) throws IOException {
        byte[] data = Files.readAllBytes(init);
        for (int i = 0; i + 8 < data.length; i++) {
            // avcC payload: configurationVersion(1) profile(1) compatibility(1) level(1)
            if (data[i] == 'a' && data[i + 1] == 'v' && data[i + 2] == 'c' && data[i + 3] == 'C' && data[i + 4] == 1) {
                return "avc1." + HexFormat.of().formatHex(data, i + 5, i + 8);
            }
        }
        return null;
    }
}
