package dev.marquee.media.rtmp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.core.flv.FlvTag;
import dev.marquee.media.rtmp.message.CommandMessage;
import dev.marquee.media.rtmp.message.DataMessage;
import dev.marquee.media.rtmp.message.SetChunkSize;
import dev.marquee.media.rtmp.message.SetPeerBandwidth;
import dev.marquee.media.rtmp.message.UserControlMessage;
import dev.marquee.media.rtmp.message.VideoMessage;
import dev.marquee.media.rtmp.message.WindowAcknowledgementSize;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RtmpServerSessionTest {
    private final RecordingPublishListener listener = new RecordingPublishListener();
    private final EmbeddedChannel channel = new EmbeddedChannel(new RtmpServerSession(listener));

    @AfterEach
    void release() {
        listener.release();
        channel.finishAndReleaseAll();
    }

    private List<Object> replies() {
        channel.runPendingTasks();
        List<Object> out = new ArrayList<>();
        for (Object o; (o = channel.readOutbound()) != null; ) out.add(o);
        return out;
    }

    private void connect() {
        channel.writeInbound(new CommandMessage(0, "connect", 1, Map.of("app", "live", "tcUrl", "rtmp://127.0.0.1/live")));
    }

    private void publishHandshake() {
        connect();
        channel.writeInbound(new CommandMessage(0, "releaseStream", 2, null, "key?token=abc"));
        channel.writeInbound(new CommandMessage(0, "FCPublish", 3, null, "key?token=abc"));
        channel.writeInbound(new CommandMessage(0, "createStream", 4, null));
        channel.writeInbound(new CommandMessage(1, "publish", 5, null, "key?token=abc", "live"));
    }

    private static ByteBuf keyframe() {
        return Unpooled.wrappedBuffer(new byte[] {0x17, 0x01, 0, 0, 0, 1, 2, 3});
    }

    @Test
    void connectIsAnsweredWithWindowBandwidthChunkSizeAndResult() {
        connect();
        List<Object> replies = replies();
        assertThat(replies).hasSize(4);
        assertThat(replies.get(0)).isEqualTo(new WindowAcknowledgementSize(2_500_000));
        assertThat(replies.get(1)).isEqualTo(new SetPeerBandwidth(2_500_000, SetPeerBandwidth.DYNAMIC));
        assertThat(replies.get(2)).isEqualTo(new SetChunkSize(60_000));
        CommandMessage result = (CommandMessage) replies.get(3);
        assertThat(result.name()).isEqualTo("_result");
        assertThat(result.transactionId()).isEqualTo(1);
        assertThat(((Map<?, ?>) result.argument(0)).get("code")).isEqualTo("NetConnection.Connect.Success");
    }

    @Test
    void publisherIsAcceptedAndItsFramesReachTheListener() {
        publishHandshake();
        List<Object> replies = replies();
        List<CommandMessage> commands = replies.stream().filter(CommandMessage.class::isInstance).map(CommandMessage.class::cast).toList();
        assertThat(commands).extracting(CommandMessage::name).containsExactly("_result", "_result", "_result", "_result", "onStatus");
        assertThat(commands.get(3).argument(0)).isEqualTo(1.0); // createStream's stream id
        CommandMessage status = commands.get(4);
        assertThat(status.messageStreamId()).isEqualTo(1);
        assertThat(((Map<?, ?>) status.argument(0)).get("code")).isEqualTo("NetStream.Publish.Start");
        assertThat(replies).contains(UserControlMessage.streamBegin(1));

        RtmpPublishRequest request = listener.requests.get(0);
        assertThat(request.app()).isEqualTo("live");
        assertThat(request.streamName()).isEqualTo("key");
        assertThat(request.queryParameter("token")).isEqualTo("abc");
        assertThat(request.tcUrl()).isEqualTo("rtmp://127.0.0.1/live");

        channel.writeInbound(new DataMessage(1, 0, List.of("@setDataFrame", "onMetaData", Map.of("width", 640.0))));
        channel.writeInbound(new VideoMessage(1, 40, keyframe()));
        assertThat(listener.tags).extracting(FlvTag::type).containsExactly(FlvTag.SCRIPT, FlvTag.VIDEO);
        assertThat(listener.tags.get(1).isKeyframe()).isTrue();
        assertThat(listener.tags.get(1).timestamp()).isEqualTo(40);

        channel.writeInbound(new CommandMessage(0, "FCUnpublish", 6, null, "key"));
        channel.writeInbound(new CommandMessage(0, "deleteStream", 7, null, 1.0));
        assertThat(listener.unpublished).hasValue(1);
    }

    @Test
    void readingPausesUntilThePublishIsDecided() {
        listener.decision = new CompletableFuture<>();
        publishHandshake();
        replies();
        assertThat(channel.config().isAutoRead()).isFalse();
        ByteBuf early = keyframe();
        channel.writeInbound(new VideoMessage(1, 0, early));
        assertThat(early.refCnt()).isZero(); // dropped, not leaked
        listener.decision.complete(true);
        List<Object> replies = replies();
        assertThat(channel.config().isAutoRead()).isTrue();
        assertThat(replies).last().matches(o -> o instanceof CommandMessage c && c.name().equals("onStatus"));
    }

    @Test
    void refusedPublisherIsToldAndDisconnected() {
        listener.decision = CompletableFuture.completedFuture(false);
        publishHandshake();
        List<Object> replies = replies();
        CommandMessage status = (CommandMessage) replies.get(replies.size() - 1);
        assertThat(((Map<?, ?>) status.argument(0)).get("code")).isEqualTo("NetStream.Publish.BadName");
        assertThat(channel.isOpen()).isFalse();
        assertThat(listener.unpublished).hasValue(0);
    }

    @Test
    void disconnectEndsThePublish() {
        publishHandshake();
        replies();
        channel.close();
        assertThat(listener.unpublished).hasValue(1);
    }

    @Test
    void commandBeforeConnectClosesTheConnection() {
        channel.writeInbound(new CommandMessage(0, "createStream", 2, null));
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void pingRequestIsAnswered() {
        connect();
        replies();
        channel.writeInbound(UserControlMessage.pingRequest(77));
        assertThat(replies()).containsExactly(UserControlMessage.pingResponse(77));
    }
}
