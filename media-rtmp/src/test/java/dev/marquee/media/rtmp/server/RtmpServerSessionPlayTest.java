package dev.marquee.media.rtmp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.rtmp.message.CommandMessage;
import dev.marquee.media.rtmp.message.DataMessage;
import dev.marquee.media.rtmp.message.UserControlMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RtmpServerSessionPlayTest {
    private final RecordingPlayListener player = new RecordingPlayListener();
    private final RecordingPublishListener publisher = new RecordingPublishListener();
    private final EmbeddedChannel channel = new EmbeddedChannel(new RtmpServerSession(publisher, player));

    @AfterEach
    void release() {
        publisher.release();
        channel.finishAndReleaseAll();
    }

    static final class RecordingPlayListener implements RtmpPlayListener {
        final List<RtmpPlayRequest> requests = new CopyOnWriteArrayList<>();
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile CompletionStage<Boolean> decision = CompletableFuture.completedFuture(true);
        RtmpServerSession session;

        @Override
        public CompletionStage<Boolean> onPlay(RtmpPlayRequest request) {
            requests.add(request);
            return decision;
        }

        @Override
        public void onPlayStarted(RtmpServerSession session) {
            this.session = session;
            calls.add("started");
        }

        @Override
        public void onPlayStopped() {
            calls.add("stopped");
        }
    }

    private List<Object> replies() {
        channel.runPendingTasks();
        List<Object> out = new ArrayList<>();
        for (Object o; (o = channel.readOutbound()) != null; ) out.add(o);
        return out;
    }

    private void play(String name, int streamId) {
        channel.writeInbound(new CommandMessage(0, "connect", 1, Map.of("app", "live", "tcUrl", "rtmp://127.0.0.1/live")));
        channel.writeInbound(new CommandMessage(0, "createStream", 2, null));
        channel.writeInbound(new CommandMessage(streamId, "play", 3, null, name, -2.0));
    }

    private static String code(Object o) {
        return o instanceof CommandMessage c && c.name().equals("onStatus") ? String.valueOf(((Map<?, ?>) c.argument(0)).get("code")) : null;
    }

    @Test
    void acceptedPlayerIsToldInOrderThenHandedToTheListener() {
        play("alice?token=t0k", 1);
        List<Object> replies = replies();
        assertThat(((CommandMessage) replies.get(4)).argument(0)).as("createStream's id").isEqualTo(1.0);
        List<Object> playReplies = replies.subList(5, replies.size());
        assertThat(playReplies.get(0)).isEqualTo(UserControlMessage.streamBegin(1));
        assertThat(code(playReplies.get(1))).isEqualTo("NetStream.Play.Reset");
        assertThat(code(playReplies.get(2))).isEqualTo("NetStream.Play.Start");
        assertThat(playReplies.get(3)).isEqualTo(new DataMessage(1, 0, List.of("|RtmpSampleAccess", true, true)));
        assertThat(player.calls).containsExactly("started");
        RtmpPlayRequest request = player.requests.get(0);
        assertThat(request.app()).isEqualTo("live");
        assertThat(request.streamName()).isEqualTo("alice");
        assertThat(request.queryParameter("token")).isEqualTo("t0k");

        ByteBuf chunks = Unpooled.wrappedBuffer(new byte[] {6, 0, 0, 0});
        player.session.writeMedia(chunks);
        player.session.flushMedia();
        assertThat(replies()).containsExactly(chunks); // ready-made chunks pass through untouched
        chunks.release();

        channel.writeInbound(new CommandMessage(1, "closeStream", 4, null));
        assertThat(player.calls).containsExactly("started", "stopped");
        channel.close();
        assertThat(player.calls).containsExactly("started", "stopped");
    }

    @Test
    void endOfTheStreamIsAnnouncedAndTheConnectionClosed() {
        play("alice", 1);
        replies();
        player.session.endPlayback();
        List<Object> replies = replies();
        assertThat(code(replies.get(0))).isEqualTo("NetStream.Play.UnpublishNotify");
        assertThat(replies.get(1)).isEqualTo(UserControlMessage.streamEof(1));
        assertThat(channel.isOpen()).isFalse();
        assertThat(player.calls).containsExactly("started", "stopped");
    }

    @Test
    void refusedPlayerIsToldAndDisconnected() {
        player.decision = CompletableFuture.completedFuture(false);
        play("alice", 1);
        List<Object> replies = replies();
        assertThat(code(replies.get(replies.size() - 1))).isEqualTo("NetStream.Play.StreamNotFound");
        assertThat(channel.isOpen()).isFalse();
        assertThat(player.calls).isEmpty();
    }

    @Test
    void playOnAStreamWeDidNotCreateIsRefused() {
        play("alice", 2);
        List<Object> replies = replies();
        assertThat(code(replies.get(replies.size() - 1))).isEqualTo("NetStream.Play.StreamNotFound");
        assertThat(player.requests).isEmpty();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aPlayerThatLeavesWhileAskedIsNeverStarted() {
        CompletableFuture<Boolean> decision = new CompletableFuture<>();
        player.decision = decision;
        play("alice", 1);
        replies();
        channel.close();
        decision.complete(true);
        channel.runPendingTasks();
        assertThat(player.calls).isEmpty();
    }

    @Test
    void publishOnlySessionsRefuseToPlay() {
        EmbeddedChannel publishOnly = new EmbeddedChannel(new RtmpServerSession(publisher));
        publishOnly.writeInbound(new CommandMessage(0, "connect", 1, Map.of("app", "live")));
        publishOnly.writeInbound(new CommandMessage(1, "play", 3, null, "alice"));
        publishOnly.runPendingTasks();
        Object last = null;
        for (Object o; (o = publishOnly.readOutbound()) != null; ) last = o;
        assertThat(code(last)).isEqualTo("NetStream.Play.StreamNotFound");
        assertThat(publishOnly.isOpen()).isFalse();
        publishOnly.finishAndReleaseAll();
    }
}
