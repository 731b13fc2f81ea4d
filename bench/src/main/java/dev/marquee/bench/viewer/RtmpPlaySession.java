package dev.marquee.bench.viewer;

import dev.marquee.bench.scan.RtmpChunkScanner;
import dev.marquee.bench.stats.ViewerStats;
import dev.marquee.media.core.amf.Amf0;
import dev.marquee.media.rtmp.chunk.RtmpChunkDecoder;
import dev.marquee.media.rtmp.chunk.RtmpChunkEncoder;
import dev.marquee.media.rtmp.message.Acknowledgement;
import dev.marquee.media.rtmp.message.CommandMessage;
import dev.marquee.media.rtmp.message.TypedMessage;
import dev.marquee.media.rtmp.message.UserControlMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A minimal RTMP play client: simple handshake, connect, createStream, play; then the chunk stream is walked
 * by {@link RtmpChunkScanner}. It answers pings and acknowledges the server's window, as players do. Outgoing
 * messages are media-rtmp's typed messages, chunked by {@link RtmpChunkEncoder}.
 */
final class RtmpPlaySession implements ViewerSession, RtmpChunkScanner.ControlListener {
    private static final int HANDSHAKE = 1536;
    private static final int BUFFER_MILLIS = 3000;
    private static final ByteBufAllocator ALLOC = UnpooledByteBufAllocator.DEFAULT;

    private enum State { HANDSHAKE, CONNECTING, CREATING_STREAM, PLAYING }

    private final PlayUrl url;
    private final ViewerStats stats;
    private final RtmpChunkScanner scanner;
    private final byte[] s0s1 = new byte[1 + HANDSHAKE];
    private State state = State.HANDSHAKE;
    private int s0s1Have;
    private int s2Left = HANDSHAKE;
    private long windowSize;
    private long received;
    private long acknowledged;
    private Viewer viewer;
    private long nowMicros;

    RtmpPlaySession(PlayUrl url, ViewerStats stats) {
        this.url = url;
        this.stats = stats;
        this.scanner = new RtmpChunkScanner(stats, this);
    }

    @Override
    public void onConnected(Viewer viewer, long nowMicros) {
        this.viewer = viewer;
        byte[] c0c1 = new byte[1 + HANDSHAKE];
        ThreadLocalRandom.current().nextBytes(c0c1);
        c0c1[0] = 3;
        for (int i = 1; i < 9; i++) c0c1[i] = 0; // time 0, version 0: the simple handshake
        viewer.write(c0c1);
    }

    @Override
    public void onData(Viewer viewer, ByteBuffer buf, int length, long nowMicros) {
        this.nowMicros = nowMicros;
        received += length;
        int pos = 0;
        if (state == State.HANDSHAKE) {
            pos = handshake(buf, length);
            if (state == State.HANDSHAKE) return;
        }
        if (pos < length) scanner.scan(buf, pos, length, nowMicros);
        if (windowSize > 0 && received - acknowledged >= windowSize) {
            acknowledged = received;
            send(new Acknowledgement(received));
        }
    }

    @Override
    public boolean isPlaying() {
        return state == State.PLAYING;
    }

    private int handshake(ByteBuffer buf, int length) {
        int pos = 0;
        if (s0s1Have < s0s1.length) {
            int n = Math.min(s0s1.length - s0s1Have, length);
            buf.get(0, s0s1, s0s1Have, n);
            s0s1Have += n;
            pos = n;
            if (s0s1[0] != 3) throw new IllegalStateException("RTMP handshake version " + s0s1[0]);
        }
        int n = Math.min(s2Left, length - pos);
        s2Left -= n;
        pos += n;
        if (s0s1Have == s0s1.length && s2Left == 0) {
            byte[] c2 = new byte[HANDSHAKE];
            System.arraycopy(s0s1, 1, c2, 0, HANDSHAKE); // C2 echoes S1
            state = State.CONNECTING;
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("app", url.app());
            properties.put("flashVer", "LNX 9,0,124,2");
            properties.put("tcUrl", url.tcUrl());
            properties.put("fpad", false);
            properties.put("capabilities", 15.0);
            properties.put("audioCodecs", 4071.0);
            properties.put("videoCodecs", 252.0);
            properties.put("videoFunction", 1.0);
            byte[] connect = encode(new CommandMessage(0, "connect", 1, properties));
            byte[] out = new byte[c2.length + connect.length];
            System.arraycopy(c2, 0, out, 0, c2.length);
            System.arraycopy(connect, 0, out, c2.length, connect.length);
            viewer.write(out);
        }
        return pos;
    }

    @Override
    public void onControlMessage(int typeId, int messageStreamId, byte[] payload, int length) {
        switch (typeId) {
            case 4 -> { // user control
                if (length >= 6 && u16(payload, 0) == UserControlMessage.PING_REQUEST) {
                    send(UserControlMessage.pingResponse(u32(payload, 2)));
                }
            }
            case 5 -> {
                if (length >= 4) windowSize = u32(payload, 0);
            }
            case 17, 20 -> onCommand(typeId == 17 && length > 0 && payload[0] == 0
                    ? Unpooled.wrappedBuffer(payload, 1, length - 1) : Unpooled.wrappedBuffer(payload, 0, length));
            default -> { } // acknowledgement, peer bandwidth, chunk size (applied by the scanner): nothing to do
        }
    }

    private void onCommand(ByteBuf in) {
        List<Object> values = Amf0.decodeAll(in);
        if (values.isEmpty() || !(values.getFirst() instanceof String name)) return;
        double transaction = values.size() > 1 && values.get(1) instanceof Number n ? n.doubleValue() : 0;
        Object argument = values.size() > 3 ? values.get(3) : null;
        switch (name) {
            case "_result" -> {
                if (transaction == 1 && state == State.CONNECTING) {
                    state = State.CREATING_STREAM;
                    send(new CommandMessage(0, "createStream", 2, null));
                } else if (transaction == 2 && state == State.CREATING_STREAM) {
                    int streamId = argument instanceof Number n ? n.intValue() : 1;
                    state = State.PLAYING;
                    stats.onRequestSent(nowMicros);
                    send(UserControlMessage.setBufferLength(streamId, BUFFER_MILLIS),
                            new CommandMessage(streamId, "play", 0, null, url.stream(), -2000.0));
                }
            }
            case "_error" -> viewer.fail("RTMP _error: " + describe(argument));
            case "onStatus" -> {
                if (argument instanceof Map<?, ?> info) {
                    String code = String.valueOf(info.get("code"));
                    if ("error".equals(info.get("level")) || code.endsWith("StreamNotFound") || code.endsWith("UnpublishNotify")) {
                        viewer.fail("RTMP " + code);
                    }
                }
            }
            default -> { } // onBWDone, _checkbw and the like
        }
    }

    private void send(TypedMessage... messages) {
        byte[] out = new byte[0];
        for (TypedMessage m : messages) {
            byte[] one = encode(m);
            byte[] joined = new byte[out.length + one.length];
            System.arraycopy(out, 0, joined, 0, out.length);
            System.arraycopy(one, 0, joined, out.length, one.length);
            out = joined;
        }
        viewer.write(out);
    }

    /** One message as chunks of RTMP's default size (we never change ours). */
    static byte[] encode(TypedMessage m) {
        ByteBuf payload = m.encodePayload(ALLOC);
        ByteBuf out = ALLOC.heapBuffer();
        try {
            RtmpChunkEncoder.write(out, RtmpChunkDecoder.DEFAULT_CHUNK_SIZE, m.chunkStreamId(), m.typeId(), m.messageStreamId(),
                    m.timestamp(), payload);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } finally {
            payload.release();
            out.release();
        }
    }

    private static String describe(Object argument) {
        return argument instanceof Map<?, ?> info && info.get("code") != null ? String.valueOf(info.get("code")) : String.valueOf(argument);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }
}
