package dev.marquee.media.core.flv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FlvReaderTest {
    private final List<FlvTag> read = new ArrayList<>();

    @AfterEach
    void releaseTags() {
        read.forEach(FlvTag::release);
    }

    static List<FlvTag> sampleTags() {
        Random random = new Random(42);
        List<FlvTag> tags = new ArrayList<>();
        tags.add(tag(FlvTag.SCRIPT, 0, new byte[] {2, 0, 10, 'o', 'n', 'M', 'e', 't', 'a', 'D', 'a', 't', 'a', 5}));
        tags.add(tag(FlvTag.VIDEO, 0, new byte[] {0x17, 0, 0, 0, 0, 1, 0x64, 0, 0x1f}));
        tags.add(tag(FlvTag.AUDIO, 0, new byte[] {(byte) 0xAF, 0, 0x12, 0x10}));
        for (int i = 1; i <= 20; i++) {
            byte[] body = new byte[5 + random.nextInt(3000)];
            random.nextBytes(body);
            body[0] = (byte) (i % 5 == 1 ? 0x17 : 0x27);
            body[1] = 1; // AVC NALU
            tags.add(tag(FlvTag.VIDEO, i * 40L, body));
        }
        tags.add(tag(FlvTag.AUDIO, 0x1234_5678L, new byte[] {(byte) 0xAF, 1, 9})); // needs the extended byte
        tags.add(tag(FlvTag.VIDEO, 0xFFFF_FFFFL, new byte[0]));
        return tags;
    }

    static FlvTag tag(int type, long timestamp, byte[] body) {
        return new FlvTag(type, timestamp, Unpooled.wrappedBuffer(body));
    }

    static byte[] flvFile(List<FlvTag> tags) {
        ByteBuf out = Unpooled.buffer();
        FlvTagWriter.writeFileHeader(out, new FlvHeader(true, true));
        for (FlvTag t : tags) FlvTagWriter.write(out, t);
        return ByteBufUtil.getBytes(out);
    }

    @Test
    void writtenTagsReadBackEqualInOneBytePieces() {
        List<FlvTag> tags = sampleTags();
        byte[] file = flvFile(tags);
        FlvReader reader = new FlvReader();
        for (byte b : file) reader.feed(Unpooled.wrappedBuffer(new byte[] {b}), read::add);
        assertSameTags(read, tags);
        assertThat(reader.isAtTagBoundary()).isTrue();
        assertThat(reader.header()).isEqualTo(new FlvHeader(true, true));
    }

    @Test
    void writtenTagsReadBackEqualInRandomPieces() {
        List<FlvTag> tags = sampleTags();
        byte[] file = flvFile(tags);
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            FlvReader reader = new FlvReader();
            List<FlvTag> got = new ArrayList<>();
            int at = 0;
            while (at < file.length) {
                int n = Math.min(file.length - at, random.nextInt(5000));
                ByteBuf piece = Unpooled.wrappedBuffer(file, at, n);
                reader.feed(piece, got::add);
                assertThat(piece.isReadable()).isFalse();
                at += n;
            }
            assertSameTags(got, tags);
            read.addAll(got);
        }
    }

    @Test
    void encodeGivesOneBufferWithHeaderBodyAndPreviousTagSize() {
        FlvTag tag = tag(FlvTag.AUDIO, 0x0102_0304L, new byte[] {(byte) 0xAF, 1, 7, 8});
        ByteBuf flv = FlvTagWriter.encode(tag);
        assertThat(ByteBufUtil.hexDump(flv)).isEqualTo("08" + "000004" + "020304" + "01" + "000000" + "af010708" + "0000000f");
        flv.release();
        ByteBuf header = FlvTagWriter.encodeFileHeader(io.netty.buffer.ByteBufAllocator.DEFAULT, true, false);
        assertThat(ByteBufUtil.hexDump(header)).isEqualTo("464c5601" + "04" + "00000009" + "00000000");
        header.release();
    }

    @Test
    void emittedTagsKnowKeyframesAndSequenceHeaders() {
        new FlvReader().feed(Unpooled.wrappedBuffer(flvFile(sampleTags())), read::add);
        assertThat(read.get(1).isSequenceHeader()).isTrue();
        assertThat(read.get(2).isSequenceHeader()).isTrue();
        assertThat(read.get(3).isKeyframe()).isTrue();
        assertThat(read.get(4).isKeyframe()).isFalse();
    }

    @Test
    void refusesBadSignature() {
        byte[] file = flvFile(List.of());
        file[0] = 'G';
        assertRefused(file, "signature");
    }

    @Test
    void refusesTagOverTheSizeLimit() {
        byte[] file = flvFile(List.of(tag(FlvTag.VIDEO, 0, new byte[2000])));
        FlvReader reader = new FlvReader(1000);
        assertThatThrownBy(() -> reader.feed(Unpooled.wrappedBuffer(file), read::add))
                .isInstanceOf(FlvFormatException.class).hasMessageContaining("exceeds limit");
        assertThat(reader.state()).isEqualTo(FlvReader.State.FAILED);
    }

    @Test
    void refusesCorruptDeclaredSize() {
        byte[] file = flvFile(List.of(tag(FlvTag.VIDEO, 0, new byte[100]), tag(FlvTag.AUDIO, 0, new byte[10])));
        file[13 + 3] = 50; // DataSize low byte of the first tag: the reader lands inside the body
        assertRefused(file, "PreviousTagSize");
        file = flvFile(List.of(tag(FlvTag.VIDEO, 0, new byte[100]), tag(FlvTag.AUDIO, 0, new byte[10])));
        file[13 + 1] = (byte) 0x7F; // DataSize high byte: 8 MB, over this reader's 1 MB limit
        byte[] corrupt = file;
        FlvReader reader = new FlvReader(1 << 20);
        assertThatThrownBy(() -> reader.feed(Unpooled.wrappedBuffer(corrupt), read::add))
                .isInstanceOf(FlvFormatException.class).hasMessageContaining("exceeds limit");
    }

    @Test
    void refusesWrongPreviousTagSize() {
        byte[] file = flvFile(List.of(tag(FlvTag.VIDEO, 0, new byte[100])));
        file[file.length - 1]++;
        assertRefused(file, "PreviousTagSize");
    }

    @Test
    void refusesUnknownTypeAndEncryptedTags() {
        byte[] file = flvFile(List.of(tag(FlvTag.VIDEO, 0, new byte[5])));
        file[13] = 7;
        assertRefused(file, "type 7");
        file[13] = 0x20 | FlvTag.VIDEO;
        assertRefused(file, "encrypted");
    }

    @Test
    void staysFailedAfterARefusal() {
        byte[] file = flvFile(List.of());
        file[3] = 2;
        FlvReader reader = new FlvReader();
        assertThatThrownBy(() -> reader.feed(Unpooled.wrappedBuffer(file), read::add)).isInstanceOf(FlvFormatException.class);
        assertThatThrownBy(() -> reader.feed(Unpooled.wrappedBuffer(flvFile(List.of())), read::add))
                .isInstanceOf(FlvFormatException.class).hasMessageContaining("already failed");
    }

    @Test
    void closeReleasesAPartlyReceivedBody() {
        byte[] file = flvFile(List.of(tag(FlvTag.VIDEO, 0, new byte[500])));
        FlvReader reader = new FlvReader();
        reader.feed(Unpooled.wrappedBuffer(file, 0, 100), read::add);
        assertThat(reader.state()).isEqualTo(FlvReader.State.TAG_BODY);
        assertThat(reader.isAtTagBoundary()).isFalse();
        reader.close();
        assertThat(reader.state()).isEqualTo(FlvReader.State.FAILED);
    }

    @Test
    void skipsExtraHeaderBytesWhenTheDataOffsetSaysSo() {
        ByteBuf out = Unpooled.buffer();
        new FlvHeader(false, true, 12).write(out);
        out.writeBytes(new byte[3]).writeInt(0);
        FlvTagWriter.write(out, tag(FlvTag.VIDEO, 5, new byte[] {0x27, 1}));
        new FlvReader().feed(out, read::add);
        assertThat(read).hasSize(1);
        assertThat(read.get(0).timestamp()).isEqualTo(5);
    }

    private void assertRefused(byte[] file, String message) {
        FlvReader reader = new FlvReader();
        assertThatThrownBy(() -> reader.feed(Unpooled.wrappedBuffer(file), read::add))
                .isInstanceOf(FlvFormatException.class).hasMessageContaining(message);
    }

    static void assertSameTags(List<FlvTag> actual, List<FlvTag> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            FlvTag a = actual.get(i);
            FlvTag e = expected.get(i);
            assertThat(a.type()).as("type of tag %d", i).isEqualTo(e.type());
            assertThat(a.timestamp()).as("timestamp of tag %d", i).isEqualTo(e.timestamp());
            assertThat(ByteBufUtil.getBytes(a.body())).as("body of tag %d", i).isEqualTo(ByteBufUtil.getBytes(e.body()));
        }
    }
}
