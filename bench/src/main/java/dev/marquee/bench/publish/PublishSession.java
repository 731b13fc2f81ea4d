package dev.marquee.bench.publish;

import dev.marquee.bench.scan.BenchStamp;
import dev.marquee.bench.stats.WallClock;
import dev.marquee.bench.viewer.PlayUrl;
import dev.marquee.media.core.amf.Amf0;
import dev.marquee.media.core.flv.FlvTag;
import dev.marquee.media.rtmp.handshake.RtmpHandshakeCompletionEvent;
import dev.marquee.media.rtmp.message.AudioMessage;
import dev.marquee.media.rtmp.message.CommandMessage;
import dev.marquee.media.rtmp.message.DataMessage;
import dev.marquee.media.rtmp.message.SetChunkSize;
import dev.marquee.media.rtmp.message.VideoMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The publishing client after the message decoder: connect, releaseStream, FCPublish, createStream and
 * publish as FFmpeg sends them; once the server says NetStream.Publish.Start, metadata and sequence headers
 * go out, then every frame at its due time (media timestamp from the start), looping with timestamps that
 * keep rising. Each AVC frame gets a {@link BenchStamp} of the moment it is written.
 */
final class PublishSession extends ChannelInboundHandlerAdapter {
    private static final int CHUNK_SIZE = 4096;

    private enum State { CONNECTING, CREATING_STREAM, PUBLISHING, STREAMING, DONE }

    private final PlayUrl url;
    private final SourceFile source;
    private final boolean stamp;
    private final long maxMillis;
    private final CompletableFuture<String> done;
    private final List<FlvTag> frames = new ArrayList<>();
    private final List<FlvTag> sequenceHeaders = new ArrayList<>();
    private Map<String, Object> metadata;
    private State state = State.CONNECTING;
    private int streamId;
    private long startNanos;
    private int next;
    private long loop;
    private long frameCount;

    PublishSession(PlayUrl url, SourceFile source, boolean stamp, long maxMillis, CompletableFuture<String> done) {
        this.url = url;
        this.source = source;
        this.stamp = stamp;
        this.maxMillis = maxMillis;
        this.done = done;
        for (FlvTag tag : source.tags()) {
            if (tag.isScript()) {
                if (metadata == null) metadata = readMetadata(tag);
            } else if (tag.isSequenceHeader()) {
                if (sequenceHeaders.stream().noneMatch(t -> t.type() == tag.type())) sequenceHeaders.add(tag);
            } else {
                frames.add(tag);
            }
        }
    }

    /** Frames written so far. */
    long frames() {
        return frameCount;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof RtmpHandshakeCompletionEvent) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("app", url.app());
            properties.put("type", "nonprivate");
            properties.put("flashVer", "FMLE/3.0 (compatible; marquee-bench)");
            properties.put("tcUrl", url.tcUrl());
            ctx.write(new SetChunkSize(CHUNK_SIZE));
            ctx.writeAndFlush(new CommandMessage(0, "connect", 1, properties));
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof CommandMessage command) onCommand(ctx, command);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onCommand(ChannelHandlerContext ctx, CommandMessage command) {
        switch (command.name()) {
            case "_result" -> {
                if (command.transactionId() == 1 && state == State.CONNECTING) {
                    state = State.CREATING_STREAM;
                    ctx.write(new CommandMessage(0, "releaseStream", 2, null, url.stream()));
                    ctx.write(new CommandMessage(0, "FCPublish", 3, null, url.stream()));
                    ctx.writeAndFlush(new CommandMessage(0, "createStream", 4, null));
                } else if (command.transactionId() == 4 && state == State.CREATING_STREAM) {
                    streamId = command.argument(0) instanceof Number n ? n.intValue() : 1;
                    state = State.PUBLISHING;
                    ctx.writeAndFlush(new CommandMessage(streamId, "publish", 5, null, url.stream(), "live"));
                }
            }
            case "_error" -> finish(ctx, "server refused: " + command.argument(0));
            case "onStatus" -> {
                Object info = command.argument(0);
                String code = info instanceof Map<?, ?> m ? String.valueOf(m.get("code")) : "";
                String level = info instanceof Map<?, ?> m ? String.valueOf(m.get("level")) : "";
                if (code.equals("NetStream.Publish.Start") && state == State.PUBLISHING) {
                    startStreaming(ctx);
                } else if (level.equals("error")) {
                    finish(ctx, "server refused: " + code);
                }
            }
            default -> { } // onBWDone, onFCPublish and the like
        }
    }

    private void startStreaming(ChannelHandlerContext ctx) {
        state = State.STREAMING;
        System.out.println("publishing " + url.tcUrl() + "/" + url.stream() + (stamp ? " (stamped)" : "") + ", loop "
                + source.loopMillis() + " ms");
        if (metadata != null) {
            ctx.write(new DataMessage(streamId, 0, List.of(DataMessage.SET_DATA_FRAME, DataMessage.ON_META_DATA, metadata)));
        }
        for (FlvTag tag : sequenceHeaders) ctx.write(message(tag, 0));
        ctx.flush();
        startNanos = System.nanoTime();
        pump(ctx);
    }

    /** Writes every frame that is due, then sleeps until the next one is. */
    private void pump(ChannelHandlerContext ctx) {
        if (state != State.STREAMING || !ctx.channel().isActive()) return;
        long elapsed = (System.nanoTime() - startNanos) / 1_000_000;
        if (elapsed >= maxMillis) {
            finish(ctx, null);
            return;
        }
        long firstTimestamp = frames.getFirst().timestamp();
        long due;
        int written = 0;
        while (true) {
            FlvTag tag = frames.get(next);
            due = tag.timestamp() - firstTimestamp + loop * source.loopMillis();
            if (due > elapsed || written == frames.size()) break;
            ctx.write(message(tag, due));
            written++;
            frameCount++;
            if (++next == frames.size()) {
                next = 0;
                loop++;
            }
        }
        if (written > 0) ctx.flush();
        ctx.executor().schedule(() -> pump(ctx), Math.max(0, due - elapsed), TimeUnit.MILLISECONDS);
    }

    private Object message(FlvTag tag, long timestamp) {
        if (tag.isAudio()) return new AudioMessage(streamId, timestamp, tag.body().retainedDuplicate());
        if (!stamp || !SourceFile.isAvcFrame(tag)) return new VideoMessage(streamId, timestamp, tag.body().retainedDuplicate());
        ByteBuf body = tag.body();
        int at = body.readerIndex();
        ByteBuf stamped = Unpooled.wrappedBuffer(body.retainedSlice(at, 5),
                Unpooled.wrappedBuffer(BenchStamp.lengthPrefixedSei(WallClock.micros())),
                body.retainedSlice(at + 5, body.readableBytes() - 5));
        return new VideoMessage(streamId, timestamp, stamped);
    }

    private void finish(ChannelHandlerContext ctx, String error) {
        state = State.DONE;
        done.complete(error);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (state != State.DONE) done.complete("connection closed by the server after " + frameCount + " frames");
        state = State.DONE;
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        finish(ctx, cause.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readMetadata(FlvTag tag) {
        List<Object> values = Amf0.decodeAll(tag.body().duplicate());
        if (values.size() >= 2 && DataMessage.ON_META_DATA.equals(values.get(0)) && values.get(1) instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        return null;
    }
}
