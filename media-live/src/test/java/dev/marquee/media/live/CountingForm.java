package dev.marquee.media.live;

import dev.marquee.media.core.flv.FlvTag;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A trivial wire form, {@code type(1) timestamp(4) length(4) body}, that counts its encodings and remembers them. */
final class CountingForm implements FrameForm {
    static final int HEADER_BYTES = 9;

    private final String name;
    private final AtomicInteger encodings = new AtomicInteger();
    private final List<ByteBuf> outputs = new CopyOnWriteArrayList<>();

    CountingForm(String name) {
        this.name = name;
    }

    @Override
    public ByteBuf encode(FlvTag tag) {
        encodings.incrementAndGet();
        ByteBuf out = Unpooled.buffer(HEADER_BYTES + tag.size());
        out.writeByte(tag.type()).writeInt((int) tag.timestamp()).writeInt(tag.size());
        out.writeBytes(tag.body(), tag.body().readerIndex(), tag.size());
        outputs.add(out);
        return out;
    }

    int encodings() {
        return encodings.get();
    }

    long liveBytes() {
        return outputs.stream().filter(b -> b.refCnt() > 0).mapToLong(ByteBuf::capacity).sum();
    }

    void assertAllReleased() {
        assertThat(outputs).as(name + " encodings still referenced").allSatisfy(b -> assertThat(b.refCnt()).isZero());
    }

    @Override
    public String toString() {
        return name;
    }
}
