package dev.marquee.media.core.codec;

import java.util.Arrays;
import java.util.List;

/** Value equality for lists of NAL units (byte arrays), which records would otherwise compare by identity. */
final class NalUnits {
    private NalUnits() {}

    static boolean equal(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) return false;
        }
        return true;
    }

    static int hash(List<byte[]> units) {
        int h = 1;
        for (byte[] unit : units) h = 31 * h + Arrays.hashCode(unit);
        return h;
    }
}
