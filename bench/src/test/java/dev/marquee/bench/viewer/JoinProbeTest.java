package dev.marquee.bench.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.bench.scan.FlvBytes;
import dev.marquee.bench.stats.ProbeJoin;
import dev.marquee.bench.stats.WallClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JoinProbeTest {
    private static final long KEYFRAME_DELAY_MILLIS = 40;
    private static final byte[] SEQUENCE_HEADER = FlvBytes.body(40, 1, (byte) 0x17, (byte) 0x00);
    private static final byte[] KEYFRAME = FlvBytes.body(30_000, 2, (byte) 0x17, (byte) 0x01);
    private static final byte[] INTER_FRAME = FlvBytes.body(900, 3, (byte) 0x27, (byte) 0x01);

    /** FLV header and the sequence header, then the given frame: the two pieces the server sends apart. */
    private static byte[][] stream(byte[] frame) {
        byte[] head = FlvBytes.stream(FlvBytes.tag(9, 0, SEQUENCE_HEADER));
        byte[] all = FlvBytes.stream(FlvBytes.tag(9, 0, SEQUENCE_HEADER), FlvBytes.tag(9, 0, frame));
        return new byte[][] {head, Arrays.copyOfRange(all, head.length, all.length)};
    }

    @Test
    void measuresEveryJoinFromTheRequestToTheKeyframe() throws Exception {
        try (TinyFlvServer server = new TinyFlvServer(stream(KEYFRAME))) {
            long at = WallClock.micros() + 100_000;
            List<ProbeJoin> joins = new JoinProbe(server.url(), 5, 100_000, 2_000_000).start(at).await();
            long tookMillis = WallClock.micros() / 1000 - at / 1000;
            assertThat(joins).hasSize(5).allSatisfy(j -> {
                assertThat(j.error()).isNull();
                // the server holds the keyframe back after the request: the probe cannot have it sooner
                assertThat(j.ttfkMs()).isGreaterThanOrEqualTo(KEYFRAME_DELAY_MILLIS).isLessThan(1_500);
            });
            assertThat(server.requests()).isEqualTo(5); // a fresh connection and request for every join
            assertThat(tookMillis).isLessThan(2_000); // each join ends with its keyframe, not at its timeout
            assertThat(joins.getFirst().startEpochMs()).isGreaterThanOrEqualTo(at / 1000);
            for (int i = 1; i < joins.size(); i++) {
                assertThat(joins.get(i).startEpochMs() - joins.get(i - 1).startEpochMs()).isGreaterThanOrEqualTo(99);
            }
        }
    }

    @Test
    void aJoinWithoutAKeyframeFailsAtItsTimeout() throws Exception {
        try (TinyFlvServer server = new TinyFlvServer(stream(INTER_FRAME))) {
            long begin = System.nanoTime();
            List<ProbeJoin> joins = new JoinProbe(server.url(), 3, 100_000, 300_000).start(WallClock.micros()).await();
            long elapsedMillis = (System.nanoTime() - begin) / 1_000_000;
            assertThat(joins).hasSize(3).allSatisfy(j -> {
                assertThat(j.failed()).isTrue();
                assertThat(j.ttfkMs()).isEqualTo(-1.0);
                assertThat(j.error()).startsWith("no keyframe within 300 ms").contains("2 tags");
            });
            assertThat(elapsedMillis).isBetween(2 * 100L + 300L, 3_000L); // each waited its timeout, and no longer
            assertThat(server.requests()).isEqualTo(3);
        }
    }

    @Test
    void joinsKeepTheirScheduleWhileOthersStillWait() throws Exception {
        // No keyframe ever comes, as at a server without a GOP cache between keyframes: the joins must not queue
        // behind each other, or each would start when the one before got its keyframe.
        try (TinyFlvServer server = new TinyFlvServer(stream(INTER_FRAME))) {
            long at = WallClock.micros() + 50_000;
            List<ProbeJoin> joins = new JoinProbe(server.url(), 4, 100_000, 600_000).start(at).await();
            assertThat(joins).hasSize(4);
            for (int i = 0; i < joins.size(); i++) {
                assertThat(joins.get(i).startEpochMs() - at / 1000).isBetween(i * 100L, i * 100L + 60);
            }
        }
    }

    @Test
    void aRefusedJoinFailsAtOnceAndIsReported() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort(); // nothing listens there once it is closed
        }
        PlayUrl url = PlayUrl.parse("http://127.0.0.1:" + port + "/live/probe.flv");
        long begin = System.nanoTime();
        List<ProbeJoin> joins = new JoinProbe(url, 2, 50_000, 2_000_000).start(WallClock.micros()).await();
        assertThat(joins).hasSize(2).allSatisfy(j -> assertThat(j.error()).isNotNull().doesNotStartWith("no keyframe"));
        assertThat((System.nanoTime() - begin) / 1_000_000).isLessThan(1_500);
    }

    @Test
    void noJoinsWhenOff() throws Exception {
        assertThat(new JoinProbe(PlayUrl.parse("http://127.0.0.1:9/live/a.flv"), 0).start(WallClock.micros()).await()).isEmpty();
    }

    /**
     * HTTP-FLV on loopback, a thread per connection: answers a GET with a chunked FLV stream (the first piece at
     * once, the second {@link #KEYFRAME_DELAY_MILLIS} later), then holds the connection until the client leaves.
     */
    private static final class TinyFlvServer implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;
        private final AtomicInteger requests = new AtomicInteger();

        TinyFlvServer(byte[][] pieces) throws IOException {
            socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        Thread.ofPlatform().daemon().start(() -> {
                            try (client) {
                                serve(client, pieces);
                            } catch (IOException | InterruptedException e) {
                                // only this connection is over
                            }
                        });
                    } catch (IOException e) {
                        if (socket.isClosed()) return; // closed by the test
                    }
                }
            }, "tiny-flv-server");
            thread.setDaemon(true);
            thread.start();
        }

        PlayUrl url() {
            return PlayUrl.parse("http://127.0.0.1:" + socket.getLocalPort() + "/live/probe.flv");
        }

        int requests() {
            return requests.get();
        }

        private void serve(Socket client, byte[][] pieces) throws IOException, InterruptedException {
            client.setSoTimeout(5_000); // every read bounded, even if a client never leaves
            InputStream in = client.getInputStream();
            String head = readHead(in);
            if (!head.startsWith("GET /live/probe.flv HTTP/1.1\r\n")) return;
            requests.incrementAndGet();
            OutputStream out = client.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Type: video/x-flv\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(chunk(pieces[0]));
            out.flush();
            Thread.sleep(KEYFRAME_DELAY_MILLIS);
            out.write(chunk(pieces[1]));
            out.flush();
            while (in.read() >= 0) {
                // nothing more to say; wait for the client to close
            }
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (head.size() < 8192) {
                int b = in.read();
                if (b < 0) break;
                head.write(b);
                if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) break;
            }
            return head.toString(StandardCharsets.US_ASCII);
        }

        private static byte[] chunk(byte[] data) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(data);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(2_000);
        }
    }
}
