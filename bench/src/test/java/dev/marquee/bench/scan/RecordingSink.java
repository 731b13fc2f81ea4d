package dev.marquee.bench.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Keeps every tag a scanner reports. */
final class RecordingSink implements TagSink {
    record Tag(int type, long timestamp, int size, byte[] peek, long arrivalMicros) {}

    final List<Tag> tags = new ArrayList<>();

    @Override
    public void onTag(int type, long timestamp, int size, byte[] peek, int peekLength, long arrivalMicros) {
        tags.add(new Tag(type, timestamp, size, Arrays.copyOf(peek == null ? new byte[0] : peek, peekLength), arrivalMicros));
    }
}
