package dev.marquee.media.core.flv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.core.amf.Amf0;
import dev.marquee.media.core.amf.Amf0EcmaArray;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording's onMetaData gets the real duration and size, in place, whatever its publisher announced. */
class FlvDurationPatchTest {
    @TempDir
    Path dir;

    @Test
    void theAnnouncedDurationAndSizeBecomeTheRealOnesAndNothingElseMoves() throws IOException {
        Amf0EcmaArray announced = new Amf0EcmaArray();
        announced.put("duration", 14.0); // ffmpeg -t 14, cut short after a few seconds
        announced.put("width", 640.0);
        announced.put("filesize", 0.0);
        announced.put("encoder", "Lavf59.27.100");
        Path file = write(metadataTag(announced), new FlvTag(FlvTag.VIDEO, 5_000, Unpooled.wrappedBuffer(new byte[] {0x17, 1, 0, 0, 0})));
        long size = Files.size(file);

        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            assertThat(FlvDurationPatch.patch(channel, 5.0, channel.size())).isTrue();
        }

        assertThat(Files.size(file)).as("patched in place").isEqualTo(size);
        List<FlvTag> tags = read(file);
        Map<?, ?> patched = (Map<?, ?>) Amf0.decodeAll(tags.get(0).body()).get(1);
        assertThat(patched.get("duration")).isEqualTo(5.0);
        assertThat(patched.get("filesize")).isEqualTo((double) size);
        assertThat(patched.get("width")).isEqualTo(640.0);
        assertThat(patched.get("encoder")).isEqualTo("Lavf59.27.100");
        assertThat(tags.get(1).timestamp()).isEqualTo(5_000);
        tags.forEach(FlvTag::release);
    }

    @Test
    void aFileThatDoesNotStartWithMetadataIsLeftAlone() throws IOException {
        Path file = write(new FlvTag(FlvTag.VIDEO, 0, Unpooled.wrappedBuffer(new byte[] {0x17, 1, 0, 0, 0})));
        byte[] before = Files.readAllBytes(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            assertThat(FlvDurationPatch.patch(channel, 5.0, channel.size())).isFalse();
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    private static FlvTag metadataTag(Map<String, Object> properties) {
        ByteBuf body = Unpooled.buffer();
        Amf0.encodeAll(body, "onMetaData", properties);
        return new FlvTag(FlvTag.SCRIPT, 0, body);
    }

    private Path write(FlvTag... tags) throws IOException {
        ByteBuf out = FlvTagWriter.encodeFileHeader(io.netty.buffer.ByteBufAllocator.DEFAULT, true, true);
        for (FlvTag tag : tags) {
            FlvTagWriter.write(out, tag);
            tag.release();
        }
        Path file = dir.resolve("recording.flv");
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes).release();
        Files.write(file, bytes);
        return file;
    }

    private static List<FlvTag> read(Path file) throws IOException {
        List<FlvTag> tags = new java.util.ArrayList<>();
        FlvReader reader = new FlvReader();
        reader.feed(Unpooled.wrappedBuffer(Files.readAllBytes(file)), tags::add);
        reader.close();
        return tags;
    }
}
