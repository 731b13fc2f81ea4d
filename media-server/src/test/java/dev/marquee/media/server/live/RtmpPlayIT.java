package dev.marquee.media.server.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** RTMP publish and play against real ffmpeg and rtmpdump, and the refusals around them. */
class RtmpPlayIT extends LiveServerIT {
    @Test
    void ffmpegAndALateJoinerPlayOverRtmp() throws Exception {
        try (Ffmpeg publisher = Ffmpeg.publish(live.rtmpUrl(LiveTestServer.KEY), 8, dir.resolve("publish.log"))) {
            live.awaitLive("alice", Duration.ofSeconds(10));
            try (RtmpTestClient viewer = new RtmpTestClient(live.server.rtmpPort())) {
                viewer.connect("live");
                long requested = System.nanoTime();
                assertThat(viewer.play("alice?token=" + live.token("alice"))).isEqualTo("NetStream.Play.Reset");
                assertThat(RtmpTestClient.statusCode(viewer.awaitCommand("onStatus"))).isEqualTo("NetStream.Play.Start");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (viewer.frames.stream().filter(RtmpTestClient.Frame::isVideo).count() < 2 && System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(5);
                }
                List<RtmpTestClient.Frame> video = viewer.frames.stream().filter(RtmpTestClient.Frame::isVideo).toList();
                assertThat(video.get(0).isVideoSequenceHeader()).isTrue();
                assertThat(video.get(1).isKeyframe()).isTrue();
                long toKeyframe = TimeUnit.NANOSECONDS.toMillis(video.get(1).arrivedNanos() - requested);
                System.out.println("RTMP late joiner: first keyframe after " + toKeyframe + " ms");
                assertThat(toKeyframe).isLessThan(150);
            }
            Ffmpeg player = Ffmpeg.play(live.rtmpUrl("alice?token=" + live.token("alice")), 60, dir.resolve("play.log"));
            assertThat(player.waitFor(20)).as(player.output()).isZero();
            assertThat(player.decodedFrames()).as(player.output()).isGreaterThanOrEqualTo(60);
            assertThat(publisher.isAlive()).isTrue();
        }
    }

    @Test
    void rtmpdumpRecordsAPlayableFile() throws Exception {
        assumeTrue(installed("rtmpdump"), "rtmpdump is not installed (apt-get install rtmpdump); skipping");
        try (Ffmpeg publisher = Ffmpeg.publish(live.rtmpUrl(LiveTestServer.KEY), 8, dir.resolve("publish.log"))) {
            live.awaitLive("alice", Duration.ofSeconds(10));
            Path out = dir.resolve("out.flv");
            Ffmpeg dump = Ffmpeg.run(dir.resolve("rtmpdump.log"), "rtmpdump", "-r",
                    live.rtmpUrl("alice?token=" + live.token("alice")), "-v", "-B", "3", "-o", out.toString());
            dump.waitFor(4); // a live stream has no end of its own: stop it after a few seconds
            dump.close();
            Ffmpeg probe = Ffmpeg.run(dir.resolve("probe.log"), "ffprobe", "-v", "error", "-count_frames",
                    "-show_entries", "stream=codec_name,nb_read_frames", "-of", "csv=p=0", out.toString());
            assertThat(probe.waitFor(20)).as(probe.output()).isZero();
            String streams = probe.output();
            assertThat(streams).as(dump.output()).contains("h264").contains("aac");
            int videoFrames = Integer.parseInt(streams.lines().filter(l -> l.startsWith("h264")).findFirst().orElseThrow().split(",")[1].trim());
            assertThat(videoFrames).as(dump.output()).isGreaterThanOrEqualTo(60);
        }
    }

    @Test
    void unknownKeysSecondPublishersAndUnknownStreamsAreRefusedAndDisconnected() throws Exception {
        try (RtmpTestClient stranger = new RtmpTestClient(live.server.rtmpPort())) {
            stranger.connect("live");
            assertThat(stranger.publish("live_not-a-key")).isEqualTo("NetStream.Publish.BadName");
            assertThat(stranger.awaitClosed(2_000)).isTrue();
        }
        try (Ffmpeg publisher = Ffmpeg.publish(live.rtmpUrl(LiveTestServer.KEY), 6, dir.resolve("publish.log"))) {
            live.awaitLive("alice", Duration.ofSeconds(10));
            try (RtmpTestClient second = new RtmpTestClient(live.server.rtmpPort())) {
                second.connect("live");
                assertThat(second.publish(LiveTestServer.KEY)).isEqualTo("NetStream.Publish.BadName");
                assertThat(second.awaitClosed(2_000)).isTrue();
            }
            try (RtmpTestClient noToken = new RtmpTestClient(live.server.rtmpPort())) {
                noToken.connect("live");
                assertThat(noToken.play("alice")).isEqualTo("NetStream.Play.StreamNotFound");
                assertThat(noToken.awaitClosed(2_000)).isTrue();
            }
            try (RtmpTestClient offline = new RtmpTestClient(live.server.rtmpPort())) {
                offline.connect("live");
                assertThat(offline.play("bob?token=" + live.token("bob"))).isEqualTo("NetStream.Play.StreamNotFound");
                assertThat(offline.awaitClosed(2_000)).isTrue();
            }
            assertThat(publisher.isAlive()).as("the first publisher carries on").isTrue();
            assertThat(live.events).containsExactly("started alice");
        }
    }

    @Test
    void aPlayerIsToldWhenTheStreamEnds() throws Exception {
        try (RtmpTestClient viewer = new RtmpTestClient(live.server.rtmpPort())) {
            try (Ffmpeg publisher = Ffmpeg.publish(live.rtmpUrl(LiveTestServer.KEY), 2, dir.resolve("publish.log"))) {
                live.awaitLive("alice", Duration.ofSeconds(10));
                viewer.connect("live");
                assertThat(viewer.play("alice?token=" + live.token("alice"))).isEqualTo("NetStream.Play.Reset");
                assertThat(publisher.waitFor(15)).as(publisher.output()).isZero();
            }
            assertThat(RtmpTestClient.statusCode(viewer.awaitCommand("onStatus"))).isEqualTo("NetStream.Play.Start");
            // the grace (2 s) runs out, then the player hears of it and the connection closes
            assertThat(RtmpTestClient.statusCode(viewer.awaitCommand("onStatus"))).isEqualTo("NetStream.Play.UnpublishNotify");
            assertThat(viewer.awaitClosed(2_000)).isTrue();
            assertThat(viewer.frames).isNotEmpty();
            assertThat(live.events).contains("started alice", "viewers alice 1", "ended alice");
        }
    }

    private static boolean installed(String tool) throws IOException, InterruptedException {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) return true;
        }
        return false;
    }
}
