package dev.marquee.media.core.flv;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Writes the real {@code duration} and {@code filesize} into the {@code onMetaData} of a finished FLV file, in place,
 * as a muxer does on a seekable file. A live recording carries what its publisher announced: nothing useful, or
 * the length of the file the publisher meant to send (ffmpeg with {@code -t}), which a session cut short never reaches.
 */
public final class FlvDurationPatch {
    /** The metadata is the file's first tag: looking this far covers it with room to spare. */
    private static final int HEAD_BYTES = 64 * 1024;
    private static final int AMF0_NUMBER = 0x00;

    private FlvDurationPatch() {
    }

    /** Patches the announced numbers that are there; returns whether the file's first tag was onMetaData. */
    public static boolean patch(FileChannel file, double durationSeconds, long fileSize) throws IOException {
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(HEAD_BYTES, file.size()));
        while (head.hasRemaining() && file.read(head, head.position()) > 0) { /* positional reads until full */ }
        head.flip();
        int tag = FlvHeader.SIZE + 4; // the header, then PreviousTagSize0
        if (head.limit() < tag + 11 || (head.get(tag) & 0x1F) != FlvTag.SCRIPT) return false;
        int bodyStart = tag + 11;
        int bodyEnd = Math.min(head.limit(), bodyStart + ((head.get(tag + 1) & 0xFF) << 16 | (head.get(tag + 2) & 0xFF) << 8 | head.get(tag + 3) & 0xFF));
        overwriteNumber(file, head, bodyStart, bodyEnd, "duration", durationSeconds);
        overwriteNumber(file, head, bodyStart, bodyEnd, "filesize", fileSize);
        return true;
    }

    /** Finds the property {@code name} holding an AMF0 number and writes {@code value} over it. */
    private static void overwriteNumber(FileChannel file, ByteBuffer head, int from, int to, String name, double value)
            throws IOException {
        byte[] key = name.getBytes(StandardCharsets.US_ASCII);
        for (int at = from; at + 2 + key.length + 9 <= to; at++) {
            if (head.get(at) != 0 || head.get(at + 1) != key.length || !matches(head, at + 2, key)) continue;
            int type = at + 2 + key.length;
            if (head.get(type) != AMF0_NUMBER) return;
            file.write(ByteBuffer.allocate(8).putDouble(0, value), type + 1);
            return;
        }
    }

    private static boolean matches(ByteBuffer head, int at, byte[] key) {
        for (int i = 0; i < key.length; i++) if (head.get(at + i) != key[i]) return false;
        return true;
    }
}
