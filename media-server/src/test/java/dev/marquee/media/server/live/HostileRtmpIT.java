package dev.marquee.media.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.marquee.media.rtmp.message.VideoMessage;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Junk on the RTMP port closes that connection, in one log line, while a publisher and a viewer carry on. */
class HostileRtmpIT extends LiveServerIT {
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger marquee = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("dev.marquee");
    final Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureLogs() {
        logs.start();
        root.addAppender(logs);
        marquee.setLevel(Level.INFO);
    }

    @AfterEach
    void releaseLogs() {
        marquee.setLevel(null);
        root.detachAppender(logs);
    }

    @Test
    void junkClosesOnlyItsOwnConnection() throws Exception {
        try (Ffmpeg publisher = Ffmpeg.publish(live.rtmpUrl(LiveTestServer.KEY), 8, dir.resolve("publish.log"))) {
            live.awaitLive("alice", Duration.ofSeconds(10));
            try (FlvHttpViewer viewer = new FlvHttpViewer(live.server.port(), live.flvPath("alice"), null)) {
                HttpFlvIT.awaitVideo(viewer, 2);
                long lastBefore = lastVideoTimestamp(viewer);

                byte[] http = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                assertClosedWithOneLine(fuzz(http, false), "handshake version 71");
                byte[] junk = new byte[4096];
                new Random(7).nextBytes(junk);
                junk[0] = (byte) 0xC5; // a type 3 chunk header on a chunk stream nobody opened
                assertClosedWithOneLine(fuzz(junk, true), "starts with a type 3 header");
                assertClosedWithOneLine(fuzz(setChunkSize(0), true), "invalid chunk size 0");
                assertClosedWithOneLine(fuzz(setChunkSize(0x80000000), true), "invalid chunk size 2147483648");
                assertClosedWithOneLine(fuzz(messageHeader(0xFFFFFF), true), "exceeds the limit");

                try (RtmpTestClient backwards = new RtmpTestClient(live.server.rtmpPort())) {
                    backwards.connect("live");
                    assertThat(backwards.publish(LiveTestServer.BOB_KEY)).isEqualTo("NetStream.Publish.Start");
                    backwards.send(new VideoMessage(1, 5_000, Unpooled.wrappedBuffer(new byte[] {0x17, 1, 0, 0, 0, 1})));
                    backwards.send(new VideoMessage(1, 1_000, Unpooled.wrappedBuffer(new byte[] {0x27, 1, 0, 0, 0, 2})));
                    assertThat(backwards.awaitClosed(2_000)).isTrue();
                    assertOneLine(backwards.localPort(), "timestamp went back from 5000 to 1000");
                }

                Thread.sleep(1_000);
                assertThat(viewer.failure).isNull();
                assertThat(lastVideoTimestamp(viewer)).as("the viewer keeps getting frames").isGreaterThan(lastBefore + 1_000);
                assertThat(publisher.isAlive()).as("the publisher keeps publishing").isTrue();
                assertThat(logs.list).as("no stack traces, no warnings").noneMatch(e -> e.getThrowableProxy() != null
                        || e.getLevel().isGreaterOrEqual(Level.WARN));
            }
        }
    }

    private static long lastVideoTimestamp(FlvHttpViewer viewer) {
        List<FlvHttpViewer.Tag> video = viewer.video();
        return video.get(video.size() - 1).timestamp();
    }

    /** Sends the bytes (after a simple handshake if asked) and returns the local port once the server closed. */
    private int fuzz(byte[] bytes, boolean handshakeFirst) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", live.server.rtmpPort()), 2000);
            s.setSoTimeout(3000);
            InputStream in = s.getInputStream();
            if (handshakeFirst) {
                byte[] c0c1 = new byte[1 + 1536];
                c0c1[0] = 3; // RTMP version; a zero C1 asks for the simple handshake
                s.getOutputStream().write(c0c1);
                in.readNBytes(1 + 2 * 1536);
                s.getOutputStream().write(new byte[1536]);
            }
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
            try {
                ByteArrayOutputStream rest = new ByteArrayOutputStream();
                in.transferTo(rest);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server did not close the connection", e);
            } catch (IOException reset) {
                // closed with unread input: a reset is a close too
            }
            return s.getLocalPort();
        }
    }

    private void assertClosedWithOneLine(int port, String text) throws InterruptedException {
        assertOneLine(port, text);
    }

    private void assertOneLine(int port, String text) throws InterruptedException {
        Thread.sleep(100); // the log line may trail the close by a moment
        List<String> lines = logs.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains(":" + port + " ") || m.contains(":" + port + ":")).toList();
        assertThat(lines.stream().filter(l -> !l.contains("publishing")).toList()).as("log lines for port " + port)
                .hasSize(1).allMatch(l -> l.contains(text));
    }

    /** A Set Chunk Size message on chunk stream 2. */
    private static byte[] setChunkSize(long size) {
        return new byte[] {0x02, 0, 0, 0, 0, 0, 4, 1, 0, 0, 0, 0,
                (byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size};
    }

    /** A type 0 header announcing a video message of {@code length} bytes, and nothing more. */
    private static byte[] messageHeader(int length) {
        return new byte[] {0x06, 0, 0, 0, (byte) (length >>> 16), (byte) (length >>> 8), (byte) length, 9, 1, 0, 0, 0};
    }
}
