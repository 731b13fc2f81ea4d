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
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RTMP connection on the server, after the message decoder: answers connect, releaseStream,
 * FCPublish, createStream and publish the way FMS does, then passes metadata, audio and video to its
 * {@link RtmpPublishListener} until FCUnpublish, deleteStream or disconnect. A protocol error is logged
 * in one line and closes the connection.
 */
public class RtmpServerSession extends ChannelInboundHandlerAdapter {
    /** Our outgoing chunk size: big, so a frame is usually one chunk. */
    public static final int DEFAULT_CHUNK_SIZE = 60_000;

    private static final Logger log = LoggerFactory.getLogger(RtmpServerSession.class);

    private enum State {
        AWAIT_CONNECT,
        CONNECTED,
        AUTHORIZING,
        PUBLISHING,
        CLOSED
    }

    private final RtmpPublishListener listener;
    private final int chunkSize;
    private final long windowSize;
    private State state = State.AWAIT_CONNECT;
    private String app = "";
    private String appQuery = "";
    private String tcUrl;
    private Map<String, Object> connectProperties = Map.of();
    private int lastStreamId;
    private int publishStreamId;
    private RtmpPublishRequest request;

    public RtmpServerSession(RtmpPublishListener listener) {
        this(listener, DEFAULT_CHUNK_SIZE, RtmpAcknowledgementHandler.DEFAULT_WINDOW_SIZE);
    }

    public RtmpServerSession(RtmpPublishListener listener, int chunkSize, long windowSize) {
        this.listener = listener;
        this.chunkSize = chunkSize;
        this.windowSize = windowSize;
    }

    /** The accepted (or pending) publish request, else null. */
    public RtmpPublishRequest publishRequest() {
        return request;
    }

    public boolean isPublishing() {
        return state == State.PUBLISHING;
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
            case "createStream" -> {
                ctx.writeAndFlush(CommandMessage.result(command.transactionId(), null, (double) ++lastStreamId));
            }
            case "publish" -> onPublish(ctx, command);
            case "deleteStream", "closeStream" -> {
                Object id = command.argument(0);
                int streamId = id instanceof Number n ? n.intValue() : command.messageStreamId();
                if (streamId == publishStreamId) endPublish();
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
            refuse(ctx, streamId, "publish of '" + fullName + "' on stream " + streamId + " in state " + state);
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
        listener.onPublish(request).whenComplete((accepted, error) -> ctx.executor().execute(() -> {
            if (error != null) log.warn("publish authorization for {} failed", request.streamName(), error);
            decided(ctx, error == null && Boolean.TRUE.equals(accepted));
        }));
    }

    private void decided(ChannelHandlerContext ctx, boolean accepted) {
        if (state != State.AUTHORIZING) { // the client left while we were asking
            if (accepted) listener.onUnpublish();
            return;
        }
        ctx.channel().config().setAutoRead(true);
        if (!accepted) {
            state = State.CONNECTED;
            refuse(ctx, publishStreamId, "publish of " + request.app() + "/" + request.streamName() + " refused");
            return;
        }
        state = State.PUBLISHING;
        ctx.write(UserControlMessage.streamBegin(publishStreamId));
        ctx.writeAndFlush(CommandMessage.onStatus(publishStreamId, "status", "NetStream.Publish.Start",
                request.streamName() + " is now published."));
        log.info("{} publishing {}/{}", ctx.channel().remoteAddress(), request.app(), request.streamName());
    }

    private void refuse(ChannelHandlerContext ctx, int streamId, String why) {
        log.info("{}: {}", ctx.channel().remoteAddress(), why);
        ctx.writeAndFlush(CommandMessage.onStatus(streamId, "error", "NetStream.Publish.BadName", "Publishing refused."))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private void replyResult(ChannelHandlerContext ctx, CommandMessage command) {
        if (command.transactionId() != 0) ctx.writeAndFlush(CommandMessage.result(command.transactionId(), null, (Object) null));
    }

    private void endPublish() {
        if (state == State.AUTHORIZING) {
            state = State.CONNECTED; // decided() sees the change and unpublishes an acceptance
            return;
        }
        if (state != State.PUBLISHING) return;
        state = State.CONNECTED;
        publishStreamId = 0;
        listener.onUnpublish();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        endPublish();
        state = State.CLOSED;
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
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
