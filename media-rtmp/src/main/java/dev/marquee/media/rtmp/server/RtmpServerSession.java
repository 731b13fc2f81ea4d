package dev.marquee.media.rtmp.server;

import dev.marquee.media.rtmp.chunk.RtmpProtocolException;
import dev.marquee.media.rtmp.message.AudioMessage;
import dev.marquee.media.rtmp.message.CommandMessage;
import dev.marquee.media.rtmp.message.DataMessage;
import dev.marquee.media.rtmp.message.MediaMessage;
import dev.marquee.media.rtmp.message.RtmpAcknowledgementHandler;
import dev.marquee.media.rtmp.message.SetChunkSize;
import dev.marquee.media.rtmp.message.SetPeerBandwidth;
import dev.marquee.media.rtmp.message.UserControlMessage;
import dev.marquee.media.rtmp.message.VideoMessage;
import dev.marquee.media.rtmp.message.WindowAcknowledgementSize;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RTMP connection on the server, after the message decoder: answers connect, releaseStream,
 * FCPublish, createStream, publish and play the way FMS does. A publisher's metadata, audio and video go
 * to its {@link RtmpPublishListener} until FCUnpublish, deleteStream or disconnect; a player is handed to
 * its {@link RtmpPlayListener}, which writes it ready-made chunks. A protocol error is logged in one line
 * and closes the connection.
 */
public class RtmpServerSession extends ChannelInboundHandlerAdapter {
    /** Our outgoing chunk size: big, so a frame is usually one chunk. */
    public static final int DEFAULT_CHUNK_SIZE = 60_000;
    /**
     * The message stream id createStream always answers: every player's frames then carry the same
     * header, so one chunk encoding of a frame serves them all.
     */
    public static final int STREAM_ID = 1;

    private static final Logger log = LoggerFactory.getLogger(RtmpServerSession.class);

    private enum State {
        AWAIT_CONNECT,
        CONNECTED,
        AUTHORIZING,
        PUBLISHING,
        PLAY_AUTHORIZING,
        PLAYING,
        CLOSED
    }

    private final RtmpPublishListener listener;
    private final RtmpPlayListener playListener;
    private final int chunkSize;
    private final long windowSize;
    private ChannelHandlerContext ctx;
    private State state = State.AWAIT_CONNECT;
    private String app = "";
    private String appQuery = "";
    private String tcUrl;
    private Map<String, Object> connectProperties = Map.of();
    private int publishStreamId;
    private RtmpPublishRequest request;
    private RtmpPlayRequest playRequest;

    public RtmpServerSession(RtmpPublishListener listener) {
        this(listener, RtmpPlayListener.REFUSE);
    }

    public RtmpServerSession(RtmpPublishListener listener, RtmpPlayListener playListener) {
        this(listener, playListener, DEFAULT_CHUNK_SIZE, RtmpAcknowledgementHandler.DEFAULT_WINDOW_SIZE);
    }

    public RtmpServerSession(RtmpPublishListener listener, int chunkSize, long windowSize) {
        this(listener, RtmpPlayListener.REFUSE, chunkSize, windowSize);
    }

    public RtmpServerSession(RtmpPublishListener listener, RtmpPlayListener playListener, int chunkSize, long windowSize) {
        this.listener = listener;
        this.playListener = playListener;
        this.chunkSize = chunkSize;
        this.windowSize = windowSize;
    }

    /** The accepted (or pending) publish request, else null. */
    public RtmpPublishRequest publishRequest() {
        return request;
    }

    /** The accepted (or pending) play request, else null. */
    public RtmpPlayRequest playRequest() {
        return playRequest;
    }

    public boolean isPublishing() {
        return state == State.PUBLISHING;
    }

    public boolean isPlaying() {
        return state == State.PLAYING;
    }

    /** The chunk size announced to the client at connect: what ready-made chunks for it must use. */
    public int chunkSize() {
        return chunkSize;
    }

    /**
     * Queues ready-made chunk bytes for a player (a frame encoded once for every player), without flushing;
     * takes over the buffer. Call on the event loop.
     */
    public void writeMedia(ByteBuf chunks) {
        if (state != State.PLAYING) {
            chunks.release();
            return;
        }
        ctx.write(chunks, ctx.voidPromise()); // raw bytes pass the message and chunk encoders untouched
    }

    /** Flushes what {@link #writeMedia} queued. */
    public void flushMedia() {
        ctx.flush();
    }

    /**
     * The stream being played ended: the player is told NetStream.Play.UnpublishNotify and Stream EOF, then
     * the connection closes. Call on the event loop.
     */
    public void endPlayback() {
        if (state != State.PLAYING) return;
        ctx.write(CommandMessage.onStatus(STREAM_ID, "status", "NetStream.Play.UnpublishNotify",
                playRequest.streamName() + " is now unpublished."));
        ctx.writeAndFlush(UserControlMessage.streamEof(STREAM_ID)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            switch (msg) {
                case MediaMessage media -> onMedia(media);
                case CommandMessage command -> onCommand(ctx, command);
                case DataMessage data -> onData(ctx, data);
                case WindowAcknowledgementSize w -> RtmpAcknowledgementHandler.windowSize(ctx.pipeline(), w.windowSize());
                case UserControlMessage u when u.eventType() == UserControlMessage.PING_REQUEST ->
                        ctx.writeAndFlush(UserControlMessage.pingResponse(u.value()));
                default -> ReferenceCountUtil.release(msg); // chunk size, acks, bandwidth: handled below us or not needed
            }
        } catch (RuntimeException e) {
            exceptionCaught(ctx, e);
        }
    }

    private void onMedia(MediaMessage media) {
        if (state != State.PUBLISHING || media.messageStreamId() != publishStreamId) {
            media.release(); // before publish is accepted, or on another stream: not ours to pass on
            return;
        }
        if (media instanceof VideoMessage) {
            listener.onVideo(media.toFlvTag());
        } else if (media instanceof AudioMessage) {
            listener.onAudio(media.toFlvTag());
        }
    }

    private void onData(ChannelHandlerContext ctx, DataMessage data) {
        if (state == State.PUBLISHING && data.isMetadata()) listener.onMetadata(data.toFlvTag(ctx.alloc()));
    }

    private void onCommand(ChannelHandlerContext ctx, CommandMessage command) {
        String name = command.name();
        if (state == State.AWAIT_CONNECT && !name.equals("connect")) {
            throw new RtmpProtocolException("command " + name + " before connect");
        }
        switch (name) {
            case "connect" -> onConnect(ctx, command);
            case "releaseStream", "FCPublish", "FCUnpublish" -> {
                if (name.equals("FCUnpublish")) endPublish();
                replyResult(ctx, command);
            }
            case "createStream" -> ctx.writeAndFlush(CommandMessage.result(command.transactionId(), null, (double) STREAM_ID));
            case "publish" -> onPublish(ctx, command);
            case "play" -> onPlay(ctx, command);
            case "deleteStream", "closeStream" -> {
                Object id = command.argument(0);
                int streamId = id instanceof Number n ? n.intValue() : command.messageStreamId();
                if (streamId == publishStreamId) endPublish();
                if (streamId == STREAM_ID) endPlay();
            }
            default -> log.debug("{} ignored command {}", ctx.channel().remoteAddress(), name); // _checkbw, getStreamLength, …
        }
    }

    private void onConnect(ChannelHandlerContext ctx, CommandMessage command) {
        if (state != State.AWAIT_CONNECT) throw new RtmpProtocolException("second connect");
        if (command.commandObject() instanceof Map<?, ?> map) {
            Map<String, Object> properties = new LinkedHashMap<>();
            map.forEach((k, v) -> properties.put(String.valueOf(k), v));
            connectProperties = properties;
        }
        String fullApp = command.property("app") instanceof String s ? s : "";
        int q = fullApp.indexOf('?');
        app = q < 0 ? fullApp : fullApp.substring(0, q);
        appQuery = q < 0 ? "" : fullApp.substring(q + 1);
        while (app.endsWith("/")) app = app.substring(0, app.length() - 1);
        tcUrl = command.property("tcUrl") instanceof String s ? s : null;
        state = State.CONNECTED;

        ctx.write(new WindowAcknowledgementSize(windowSize));
        ctx.write(new SetPeerBandwidth(windowSize, SetPeerBandwidth.DYNAMIC));
        ctx.write(new SetChunkSize(chunkSize));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("fmsVer", "FMS/3,0,1,123");
        properties.put("capabilities", 31.0);
        properties.put("mode", 1.0);
        Map<String, Object> info = CommandMessage.statusInfo("status", "NetConnection.Connect.Success", "Connection succeeded.");
        info.put("objectEncoding", command.property("objectEncoding") instanceof Number n ? n.doubleValue() : 0.0);
        ctx.writeAndFlush(CommandMessage.result(command.transactionId(), properties, info));
    }

    private void onPublish(ChannelHandlerContext ctx, CommandMessage command) {
        int streamId = command.messageStreamId();
        String fullName = command.stringArgument(0);
        if (state != State.CONNECTED || fullName == null || fullName.isEmpty() || streamId == 0) {
            refusePublish(ctx, streamId, "publish on stream " + streamId + " in state " + state);
            return;
        }
        int q = fullName.indexOf('?');
        String streamName = q < 0 ? fullName : fullName.substring(0, q);
        String query = q < 0 ? appQuery : fullName.substring(q + 1);
        String type = command.stringArgument(1) != null ? command.stringArgument(1) : "live";
        request = new RtmpPublishRequest(app, streamName, query, type, tcUrl, connectProperties, ctx.channel().remoteAddress());
        publishStreamId = streamId;
        state = State.AUTHORIZING;
        ctx.channel().config().setAutoRead(false);
        decideLater(ctx, listener.onPublish(request), "publish", accepted -> publishDecided(ctx, accepted));
    }

    private void publishDecided(ChannelHandlerContext ctx, boolean accepted) {
        if (state != State.AUTHORIZING) { // the client left while we were asking
            if (accepted) listener.onUnpublish();
            return;
        }
        ctx.channel().config().setAutoRead(true);
        if (!accepted) {
            state = State.CONNECTED;
            refusePublish(ctx, publishStreamId, null); // the listener says why
            return;
        }
        state = State.PUBLISHING;
        ctx.write(UserControlMessage.streamBegin(publishStreamId));
        ctx.writeAndFlush(CommandMessage.onStatus(publishStreamId, "status", "NetStream.Publish.Start",
                request.streamName() + " is now published."));
    }

    private void onPlay(ChannelHandlerContext ctx, CommandMessage command) {
        int streamId = command.messageStreamId();
        String fullName = command.stringArgument(0);
        if (state != State.CONNECTED || fullName == null || fullName.isEmpty() || streamId != STREAM_ID) {
            refusePlay(ctx, streamId, "play on stream " + streamId + " in state " + state);
            return;
        }
        int q = fullName.indexOf('?');
        String streamName = q < 0 ? fullName : fullName.substring(0, q);
        String query = q < 0 ? appQuery : fullName.substring(q + 1);
        playRequest = new RtmpPlayRequest(app, streamName, query, tcUrl, ctx.channel().remoteAddress());
        state = State.PLAY_AUTHORIZING;
        decideLater(ctx, playListener.onPlay(playRequest), "play", accepted -> playDecided(ctx, accepted));
    }

    private void playDecided(ChannelHandlerContext ctx, boolean accepted) {
        if (state != State.PLAY_AUTHORIZING) return; // the client left or closed the stream meanwhile
        if (!accepted) {
            state = State.CONNECTED;
            refusePlay(ctx, STREAM_ID, null);
            return;
        }
        state = State.PLAYING;
        String name = playRequest.streamName();
        ctx.write(UserControlMessage.streamBegin(STREAM_ID));
        ctx.write(CommandMessage.onStatus(STREAM_ID, "status", "NetStream.Play.Reset", "Playing and resetting " + name + "."));
        ctx.write(CommandMessage.onStatus(STREAM_ID, "status", "NetStream.Play.Start", "Started playing " + name + "."));
        ctx.writeAndFlush(new DataMessage(STREAM_ID, 0, List.of("|RtmpSampleAccess", true, true)));
        playListener.onPlayStarted(this); // frames follow the status messages on this same loop
    }

    /** Hands an authorization answer back to the event loop; a failed stage counts as a refusal. */
    private void decideLater(ChannelHandlerContext ctx, CompletionStage<Boolean> decision, String what, Consumer<Boolean> then) {
        decision.whenComplete((accepted, error) -> ctx.executor().execute(() -> {
            if (error != null) log.warn("{} authorization for {} failed", what, ctx.channel().remoteAddress(), error);
            then.accept(error == null && Boolean.TRUE.equals(accepted));
        }));
    }

    /** {@code why} is logged when the refusal is ours; a listener's refusal is logged by the listener. */
    private void refusePublish(ChannelHandlerContext ctx, int streamId, String why) {
        if (why != null) log.info("{} publish refused: {}", ctx.channel().remoteAddress(), why);
        ctx.writeAndFlush(CommandMessage.onStatus(streamId, "error", "NetStream.Publish.BadName", "Publishing refused."))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private void refusePlay(ChannelHandlerContext ctx, int streamId, String why) {
        if (why != null) log.info("{} play refused: {}", ctx.channel().remoteAddress(), why);
        ctx.writeAndFlush(CommandMessage.onStatus(streamId, "error", "NetStream.Play.StreamNotFound", "No such stream."))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private void replyResult(ChannelHandlerContext ctx, CommandMessage command) {
        if (command.transactionId() != 0) ctx.writeAndFlush(CommandMessage.result(command.transactionId(), null, (Object) null));
    }

    private void endPublish() {
        if (state == State.AUTHORIZING) {
            state = State.CONNECTED; // publishDecided() sees the change and unpublishes an acceptance
            return;
        }
        if (state != State.PUBLISHING) return;
        state = State.CONNECTED;
        publishStreamId = 0;
        listener.onUnpublish();
    }

    private void endPlay() {
        if (state == State.PLAY_AUTHORIZING) {
            state = State.CONNECTED;
            return;
        }
        if (state != State.PLAYING) return;
        state = State.CONNECTED;
        playListener.onPlayStopped();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        endPublish();
        endPlay();
        state = State.CLOSED;
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!ctx.channel().isOpen()) return; // already failed and closing: one line per connection is enough
        if (cause instanceof RtmpProtocolException) {
            log.info("{} RTMP protocol error: {}", ctx.channel().remoteAddress(), cause.getMessage());
        } else if (cause instanceof IOException) {
            log.debug("{} connection error: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            log.warn("{} RTMP session failed", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
