package dev.marquee.media.rtmp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.core.amf.Amf0;
import dev.marquee.media.core.flv.FlvTag;
import dev.marquee.media.core.flv.VideoTagHeader;
import dev.marquee.media.rtmp.handshake.RtmpHandshakeCompletionEvent;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real ffmpeg publishes three seconds of H.264 + AAC to our server pipeline. */
@Tag("it")
class FfmpegPublishIT {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final RecordingPublishListener listener = new RecordingPublishListener();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final List<Channel> accepted = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        listener.release();
    }

    @Test
    void ffmpegPublishesMetadataSequenceHeadersKeyframesAndAudio(@TempDir Path dir) throws Exception {
        Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        accepted.add(ch);
                        RtmpServerInitializer.configure(ch.pipeline(), listener);
                        // record instead of only logging, so the test sees any error
                        ch.pipeline().replace(RtmpServerSession.class, "rtmp-session", new RtmpServerSession(listener) {
                            @Override
                            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
                                events.add(evt);
                                super.userEventTriggered(ctx, evt);
                            }

                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                errors.add(cause);
                                super.exceptionCaught(ctx, cause);
                            }
                        });
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        int port = ((InetSocketAddress) server.localAddress()).getPort();

        Path log = dir.resolve("ffmpeg.log");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning",
                "-re", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25",
                "-re", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
                "-t", "3", "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "25", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "64k",
                "-f", "flv", "rtmp://127.0.0.1:" + port + "/live/test?token=abc")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).as("ffmpeg finished").isTrue();
        } finally {
            ffmpeg.destroyForcibly();
        }
        assertThat(ffmpeg.exitValue()).as("ffmpeg exit, log: " + Files.readString(log)).isZero();
        for (Channel ch : accepted) ch.closeFuture().await(5, TimeUnit.SECONDS);

        assertThat(errors).isEmpty();
        assertThat(events).as("ffmpeg signs its C1").containsExactly(RtmpHandshakeCompletionEvent.DIGEST);
        assertThat(listener.requests).hasSize(1);
        RtmpPublishRequest request = listener.requests.get(0);
        assertThat(request.app()).isEqualTo("live");
        assertThat(request.streamName()).isEqualTo("test");
        assertThat(request.queryParameter("token")).isEqualTo("abc");
        assertThat(listener.unpublished).hasValue(1);

        List<FlvTag> tags = listener.tags;
        FlvTag metadata = tags.get(0);
        assertThat(metadata.isScript()).isTrue();
        List<Object> script = Amf0.decodeAll(metadata.body().duplicate());
        assertThat(script.get(0)).isEqualTo("onMetaData");
        assertThat(((Map<?, ?>) script.get(1)).get("width")).isEqualTo(320.0);

        List<FlvTag> video = tags.stream().filter(FlvTag::isVideo).toList();
        List<FlvTag> audio = tags.stream().filter(FlvTag::isAudio).toList();
        assertThat(video.get(0).isSequenceHeader()).isTrue();
        assertThat(video.get(0).body().getUnsignedByte(0) & 0x0F).isEqualTo(VideoTagHeader.CODEC_AVC);
        assertThat(audio.get(0).isSequenceHeader()).isTrue();
        assertThat(video.stream().filter(FlvTag::isKeyframe).count()).isGreaterThanOrEqualTo(3);
        assertThat(video.size()).isBetween(70, 80);
        assertThat(audio.size()).isGreaterThan(100); // 3 s of AAC at 44.1 kHz is ~130 frames
        assertThat(video).extracting(FlvTag::timestamp).isSorted();
        assertThat(audio).extracting(FlvTag::timestamp).isSorted();
        assertThat(video.get(video.size() - 1).timestamp()).isBetween(2800L, 3100L);
        assertThat(audio.get(audio.size() - 1).timestamp()).isBetween(2800L, 3100L);
        server.close().sync();
    }
}
