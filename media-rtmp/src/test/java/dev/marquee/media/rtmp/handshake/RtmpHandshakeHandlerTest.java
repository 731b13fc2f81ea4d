package dev.marquee.media.rtmp.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RtmpHandshakeHandlerTest {
    // the published constants, written out again here so the test does not trust the code under test
    private static final byte[] KEY_TAIL = HexFormat.of().parseHex("f0eec24a8068bee82e00d0d1029e7e576eec5d2d29806fab93b8e636cfeb31ae");
    private static final byte[] PLAYER_TEXT = "Genuine Adobe Flash Player 001".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER_TEXT = "Genuine Adobe Flash Media Server 001".getBytes(StandardCharsets.US_ASCII);

    /** Records what reaches the handler after the handshake. */
    static final class Recorder extends ChannelInboundHandlerAdapter {
        final List<Object> events = new ArrayList<>();
        final List<Object> reads = new ArrayList<>();

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            events.add(evt);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            reads.add(msg);
        }
    }

    private final Recorder recorder = new Recorder();
    private final EmbeddedChannel channel = new EmbeddedChannel(new RtmpHandshakeHandler(), recorder);

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] hmac(byte[] key, byte[]... parts) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        for (byte[] p : parts) mac.update(p);
        return mac.doFinal();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static int digestPosition(byte[] block, int scheme) {
        int base = scheme == 0 ? 772 : 8;
        return base + 4 + ((block[base] & 0xFF) + (block[base + 1] & 0xFF) + (block[base + 2] & 0xFF) + (block[base + 3] & 0xFF)) % 728;
    }

    private static byte[] digestOver(byte[] block, int position, byte[] key) throws Exception {
        return hmac(key, Arrays.copyOfRange(block, 0, position), Arrays.copyOfRange(block, position + 32, 1536));
    }

    private ByteBuf sendC0C1(byte[] c1) {
        channel.writeInbound(Unpooled.buffer().writeByte(3).writeBytes(c1));
        ByteBuf response = channel.readOutbound();
        assertThat(response.readableBytes()).isEqualTo(1 + 2 * 1536);
        assertThat(response.getByte(0)).isEqualTo((byte) 3);
        return response;
    }

    @Test
    void simpleHandshakeEchoesC1AndPassesOnWhatFollowsC2() {
        byte[] c1 = random(1536, 1);
        Arrays.fill(c1, 4, 8, (byte) 0);
        ByteBuf response = sendC0C1(c1);
        assertThat(ByteBufUtil.getBytes(response, 1 + 1536, 1536)).isEqualTo(c1);
        assertThat(response.getInt(1 + 4)).isZero();
        response.release();

        byte[] after = {0x03, 0x00, 0x00, 0x00};
        channel.writeInbound(Unpooled.buffer().writeBytes(random(1536, 2)).writeBytes(after));
        assertThat(channel.pipeline().get(RtmpHandshakeHandler.class)).isNull();
        assertThat(recorder.events).containsExactly(RtmpHandshakeCompletionEvent.SIMPLE);
        assertThat(recorder.reads).hasSize(1);
        ByteBuf leftover = (ByteBuf) recorder.reads.get(0);
        assertThat(ByteBufUtil.getBytes(leftover)).isEqualTo(after);
        leftover.release();
        assertThat(channel.isOpen()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void digestHandshakeAnswersWithVerifiableS1AndS2(int scheme) throws Exception {
        byte[] c1 = random(1536, 10 + scheme);
        c1[4] = 9; c1[5] = 0; c1[6] = 0x7C; c1[7] = 2; // a Flash Player version, as ffmpeg sends
        int position = digestPosition(c1, scheme);
        byte[] c1Digest = digestOver(c1, position, PLAYER_TEXT);
        System.arraycopy(c1Digest, 0, c1, position, 32);

        ByteBuf response = sendC0C1(c1);
        byte[] s1 = ByteBufUtil.getBytes(response, 1, 1536);
        byte[] s2 = ByteBufUtil.getBytes(response, 1 + 1536, 1536);
        response.release();

        assertThat(s1[4] | s1[5] | s1[6] | s1[7]).as("S1 version").isNotZero();
        int s1Position = digestPosition(s1, scheme);
        assertThat(Arrays.copyOfRange(s1, s1Position, s1Position + 32)).isEqualTo(digestOver(s1, s1Position, SERVER_TEXT));

        byte[] s2Key = hmac(concat(SERVER_TEXT, KEY_TAIL), c1Digest);
        assertThat(Arrays.copyOfRange(s2, 1504, 1536)).isEqualTo(hmac(s2Key, Arrays.copyOf(s2, 1504)));

        channel.writeInbound(Unpooled.wrappedBuffer(random(1536, 3)));
        assertThat(recorder.events).containsExactly(RtmpHandshakeCompletionEvent.DIGEST);
    }

    @Test
    void versionedC1WithoutValidDigestFallsBackToSimple() {
        byte[] c1 = random(1536, 4);
        c1[4] = 9;
        ByteBuf response = sendC0C1(c1);
        assertThat(ByteBufUtil.getBytes(response, 1 + 1536, 1536)).isEqualTo(c1);
        response.release();
        channel.writeInbound(Unpooled.wrappedBuffer(random(1536, 5)));
        assertThat(recorder.events).containsExactly(RtmpHandshakeCompletionEvent.SIMPLE);
    }

    @Test
    void c0c1ArrivingInPiecesIsAnsweredOnceComplete() {
        byte[] c1 = random(1536, 6);
        ByteBuf all = Unpooled.buffer().writeByte(3).writeBytes(c1);
        channel.writeInbound(all.readRetainedSlice(700));
        assertThat((Object) channel.readOutbound()).isNull();
        channel.writeInbound(all);
        ByteBuf response = channel.readOutbound();
        assertThat(response.readableBytes()).isEqualTo(3073);
        response.release();
    }

    @Test
    void wrongVersionClosesTheConnection() {
        channel.writeInbound(Unpooled.buffer().writeByte(6).writeBytes(new byte[1536]));
        assertThat(channel.isOpen()).isFalse();
        assertThat((Object) channel.readOutbound()).isNull();
    }

    @Test
    void httpRequestClosesTheConnection() {
        channel.writeInbound(Unpooled.copiedBuffer("GET / HTTP/1.1\r\nHost: x\r\n\r\n", StandardCharsets.US_ASCII));
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void slowHandshakeTimesOut() throws Exception {
        EmbeddedChannel slow = new EmbeddedChannel(new RtmpHandshakeHandler(50));
        slow.writeInbound(Unpooled.buffer().writeByte(3));
        TimeUnit.MILLISECONDS.sleep(80);
        slow.runPendingTasks();
        assertThat(slow.isOpen()).isFalse();
    }

    @Test
    void clientAndServerHandshakeWithEachOther() {
        Recorder clientSide = new Recorder();
        EmbeddedChannel client = new EmbeddedChannel(new RtmpClientHandshakeHandler(), clientSide);
        // shuttle bytes until both are done; the client then sends its first chunk right behind C2
        for (int round = 0; round < 4; round++) {
            ByteBuf b;
            while ((b = client.readOutbound()) != null) channel.writeInbound(b);
            while ((b = channel.readOutbound()) != null) client.writeInbound(b);
        }
        assertThat(clientSide.events).containsExactly(RtmpHandshakeCompletionEvent.SIMPLE);
        assertThat(recorder.events).containsExactly(RtmpHandshakeCompletionEvent.SIMPLE);
        assertThat(client.pipeline().get(RtmpClientHandshakeHandler.class)).isNull();
        assertThat(channel.pipeline().get(RtmpHandshakeHandler.class)).isNull();
        client.writeOutbound(Unpooled.wrappedBuffer(new byte[] {1, 2}));
        channel.writeInbound((ByteBuf) client.readOutbound());
        ByteBuf got = (ByteBuf) recorder.reads.get(0);
        assertThat(ByteBufUtil.getBytes(got)).containsExactly(1, 2);
        got.release();
    }
}
