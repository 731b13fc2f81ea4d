package dev.marquee.bench.floor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.bench.publish.SourceFile;
import dev.marquee.bench.publish.TestSource;
import dev.marquee.bench.scan.BenchStamp;
import dev.marquee.bench.scan.HttpFlvScanner;
import dev.marquee.bench.stats.WallClock;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BareFanoutTest {
    private static final long FLUSH_MILLIS = 100;

    @TempDir
    Path dir;

    private SourceFile source;
    private BareFanout fanout;
    /** The server's loop and a second viewer each need a thread of their own (a 2-core common pool has one). */
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private CompletableFuture<Void> running;

    record Tag(int type, long timestamp, int size, byte[] peek, long arrivalMicros) {}

    @BeforeEach
    void start() throws Exception {
        source = SourceFile.read(TestSource.write(dir));
        fanout = new BareFanout(source, new InetSocketAddress("127.0.0.1", 0), FLUSH_MILLIS);
        running = CompletableFuture.runAsync(() -> {
            try {
                fanout.run(20_000);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, threads);
    }

    @AfterEach
    void stop() throws Exception {
        fanout.close();
        running.join();
        threads.shutdown();
        fanout.release();
        source.close();
    }

    @Test
    void viewersGetTheStreamLiveFromAKeyframeWithRisingTimestampsAndStamps() throws Exception {
        List<Tag> first = watch(2_500);
        List<Tag> second = watch(1_500);
        for (List<Tag> tags : List.of(first, second)) {
            // the head: metadata and both sequence headers, then media starting at a keyframe
            assertThat(tags.subList(0, 3)).extracting(Tag::type).containsExactly(18, 9, 8);
            List<Tag> media = tags.subList(3, tags.size());
            Tag start = media.stream().filter(t -> t.type() == 9).findFirst().orElseThrow();
            assertThat(start.peek()[0]).isEqualTo((byte) 0x17);
            assertThat(media).extracting(Tag::timestamp).isSorted();
            for (Tag video : media.stream().filter(t -> t.type() == 9).toList()) {
                assertThat(video.size()).isEqualTo(985 + BenchStamp.SIZE);
                long stamp = BenchStamp.read(video.peek(), video.peek().length);
                // stamped when due, sent at the next round: never early, late by at most about a round
                assertThat(video.arrivalMicros() - stamp).isBetween(-2_000L, (FLUSH_MILLIS + 150) * 1000);
            }
        }
        // the first viewer watched across a loop of the 990 ms source: the timestamps went on rising past it
        assertThat(first.getLast().timestamp()).isGreaterThan(first.get(3).timestamp() + 990);
    }

    @Test
    void aRequestThatIsNotAGetIsRefusedAndOthersWatchOn() throws Exception {
        CompletableFuture<List<Tag>> viewer = CompletableFuture.supplyAsync(() -> {
            try {
                return watch(2_000);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, threads);
        try (Socket bad = new Socket("127.0.0.1", fanout.port())) {
            bad.setSoTimeout(5_000);
            bad.getOutputStream().write("POST /live/x.flv HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String reply = new String(bad.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(reply).startsWith("HTTP/1.1 400 ");
        }
        List<Tag> tags = viewer.join();
        assertThat(tags.stream().filter(t -> t.type() == 9).count()).isGreaterThan(20);
    }

    /** Plays for {@code millis}, returning every tag with its arrival time. */
    private List<Tag> watch(long millis) throws IOException {
        List<Tag> tags = new ArrayList<>();
        HttpFlvScanner scanner = new HttpFlvScanner((type, timestamp, size, peek, peekLength, arrival) ->
                tags.add(new Tag(type, timestamp, size, peek == null ? new byte[0] : Arrays.copyOf(peek, peekLength), arrival)));
        try (Socket socket = new Socket("127.0.0.1", fanout.port())) {
            socket.setSoTimeout(2_000);
            socket.getOutputStream().write("GET /live/floor.flv HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[64 * 1024];
            long end = System.nanoTime() + millis * 1_000_000;
            while (System.nanoTime() < end) {
                int n = in.read(buf);
                if (n < 0) break;
                scanner.scan(ByteBuffer.wrap(buf), 0, n, WallClock.micros());
            }
        }
        assertThat(scanner.status()).isEqualTo(200);
        return tags;
    }
}
