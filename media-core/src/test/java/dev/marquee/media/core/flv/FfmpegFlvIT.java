package dev.marquee.media.core.flv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.core.FfmpegSamples;
import dev.marquee.media.core.amf.Amf0;
import dev.marquee.media.core.amf.Amf0EcmaArray;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("it")
class FfmpegFlvIT {
    @TempDir
    static Path dir;
    static Path file;
    static byte[] bytes;
    static final List<FlvTag> tags = new ArrayList<>();
    static FlvHeader header;

    @BeforeAll
    static void makeAndReadFile() throws Exception {
        file = FfmpegSamples.avcAacFlv(dir);
        bytes = Files.readAllBytes(file);
        FlvReader reader = new FlvReader();
        reader.feed(Unpooled.wrappedBuffer(bytes), tags::add);
        assertThat(reader.isAtTagBoundary()).isTrue();
        header = reader.header();
    }

    @AfterAll
    static void release() {
        tags.forEach(FlvTag::release);
    }

    @Test
    void headerSaysAudioAndVideo() {
        assertThat(header).isEqualTo(new FlvHeader(true, true));
    }

    @Test
    void startsWithMetadataThenSequenceHeaders() {
        FlvTag script = tags.get(0);
        assertThat(script.isScript()).isTrue();
        List<Object> metadata = Amf0.decodeAll(script.body().duplicate());
        assertThat(metadata.get(0)).isEqualTo("onMetaData");
        assertThat(metadata.get(1)).isInstanceOf(Amf0EcmaArray.class);
        assertThat(((Amf0EcmaArray) metadata.get(1))).containsEntry("width", 320.0).containsEntry("height", 240.0);

        FlvTag firstVideo = tags.stream().filter(FlvTag::isVideo).findFirst().orElseThrow();
        assertThat(firstVideo.isSequenceHeader()).isTrue();
        assertThat(VideoTagHeader.isEnhanced(firstVideo.body())).isFalse();
        assertThat(firstVideo.body().getUnsignedByte(0) & 0x0F).isEqualTo(VideoTagHeader.CODEC_AVC);
        FlvTag firstAudio = tags.stream().filter(FlvTag::isAudio).findFirst().orElseThrow();
        assertThat(firstAudio.isSequenceHeader()).isTrue();
        assertThat(AudioTagHeader.soundFormat(firstAudio.body())).isEqualTo(AudioTagHeader.FORMAT_AAC);
    }

    @Test
    void flagsTheKeyframesFfprobeSees() throws Exception {
        long keyframes = tags.stream().filter(FlvTag::isKeyframe).count();
        assertThat(keyframes).isPositive().isEqualTo(FfmpegSamples.probeKeyframes(file));
        assertThat(tags.stream().filter(FlvTag::isVideo).skip(1).findFirst().orElseThrow().isKeyframe()).isTrue();
    }

    @Test
    void timestampsNeverGoBackPerStream() {
        long lastVideo = -1;
        long lastAudio = -1;
        for (FlvTag t : tags) {
            if (t.isVideo()) {
                assertThat(t.timestamp()).isGreaterThanOrEqualTo(lastVideo);
                lastVideo = t.timestamp();
            } else if (t.isAudio()) {
                assertThat(t.timestamp()).isGreaterThanOrEqualTo(lastAudio);
                lastAudio = t.timestamp();
            }
        }
        assertThat(lastVideo).isBetween(1800L, 2100L);
        assertThat(lastAudio).isBetween(1800L, 2100L);
    }

    @Test
    void writingTheTagsBackReproducesFfmpegsBytes() {
        ByteBuf out = Unpooled.buffer(bytes.length);
        FlvTagWriter.writeFileHeader(out, header);
        for (FlvTag t : tags) {
            ByteBuf shared = FlvTagWriter.encode(t);
            out.writeBytes(shared);
            shared.release();
        }
        assertThat(ByteBufUtil.getBytes(out)).isEqualTo(bytes);
    }

    @Test
    void readsTheSameTagsFromRandomPieces() {
        Random random = new Random(1);
        List<FlvTag> pieces = new ArrayList<>();
        FlvReader reader = new FlvReader();
        int at = 0;
        while (at < bytes.length) {
            int n = Math.min(bytes.length - at, 1 + random.nextInt(2000));
            reader.feed(Unpooled.wrappedBuffer(bytes, at, n), pieces::add);
            at += n;
        }
        FlvReaderTest.assertSameTags(pieces, tags);
        pieces.forEach(FlvTag::release);
    }
}
