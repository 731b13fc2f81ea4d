package dev.marquee.media.hls;

import dev.marquee.media.core.flv.FlvReader;
import dev.marquee.media.core.flv.FlvTag;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Feeds FLV files through a segmenter and writes what a player would fetch into a directory. */
final class HlsOutput {
    private static final int CHUNK = 4096;

    private HlsOutput() {}

    /** Reads an FLV file in network-sized pieces, as from a socket, handing every tag to {@code sink}. */
    static void readFlv(Path flv, Consumer<FlvTag> sink) throws IOException {
        byte[] bytes = Files.readAllBytes(flv);
        try (FlvReader reader = new FlvReader(ByteBufAllocator.DEFAULT, FlvReader.DEFAULT_MAX_TAG_SIZE)) {
            for (int i = 0; i < bytes.length; i += CHUNK) {
                ByteBuf piece = Unpooled.wrappedBuffer(bytes, i, Math.min(CHUNK, bytes.length - i));
                reader.feed(piece, sink);
                piece.release();
            }
        }
    }

    /** Reads every tag of an FLV file into a list (the caller releases them). */
    static List<FlvTag> tags(Path flv) throws IOException {
        List<FlvTag> tags = new ArrayList<>();
        readFlv(flv, tags::add);
        return tags;
    }

    /** Writes playlist.m3u8 and every segment it lists into {@code dir}; returns the segment files in order. */
    static List<Path> write(LiveHlsSegmenter segmenter, Path dir) throws IOException {
        String playlist = segmenter.playlist();
        Files.writeString(dir.resolve("playlist.m3u8"), playlist, StandardCharsets.UTF_8);
        List<Path> files = new ArrayList<>();
        for (String line : playlist.split("\n")) {
            if (line.startsWith("#EXT-X-MAP:URI=\"init-")) {
                String uri = line.substring(line.indexOf('"') + 1, line.lastIndexOf('"'));
                int version = Integer.parseInt(uri.substring(5, uri.length() - 4));
                ByteBuf init = segmenter.initSegment(version).orElseThrow();
                Files.write(dir.resolve(uri), io.netty.buffer.ByteBufUtil.getBytes(init));
            }
            if (line.startsWith("#") || line.isBlank()) continue;
            long sequence = HlsSegment.sequenceOf(line).orElseThrow();
            HlsSegment segment = segmenter.segment(sequence).orElseThrow();
            Path file = dir.resolve(segment.uri());
            Files.write(file, segment.toByteArray());
            files.add(file);
        }
        return files;
    }

    /** A segment a player could open on its own: a fragment with its init segment in front, TS as it is. */
    static Path playable(LiveHlsSegmenter segmenter, Path segment) throws IOException {
        HlsSegment s = segmenter.segment(HlsSegment.sequenceOf(segment.getFileName().toString()).orElseThrow()).orElseThrow();
        if (!s.isFragment()) return segment;
        Path whole = segment.resolveSibling(segment.getFileName() + ".mp4");
        Files.write(whole, io.netty.buffer.ByteBufUtil.getBytes(s.initContent()));
        Files.write(whole, s.toByteArray(), java.nio.file.StandardOpenOption.APPEND);
        return whole;
    }

    /** The EXTINF durations of a playlist, in seconds. */
    static List<Double> durations(String playlist) {
        List<Double> durations = new ArrayList<>();
        for (String line : playlist.split("\n")) {
            if (line.startsWith("#EXTINF:")) durations.add(Double.parseDouble(line.substring(8, line.indexOf(','))));
        }
        return durations;
    }
}
