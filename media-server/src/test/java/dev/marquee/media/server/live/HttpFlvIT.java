package dev.marquee.media.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** HTTP-FLV from a real ffmpeg publisher to ffmpeg and to a byte-level viewer. */
class HttpFlvIT extends LiveServerIT {
    @Test
    void ffmpegDecodesALiveStreamAndALateJoinerStartsAtAKeyframeAtOnce() throws Exception {
        try (Ffmpeg publisher = Ffmpeg.publish(live.rtmpUrl(LiveTestServer.KEY), 8, dir.resolve("publish.log"))) {
            live.awaitLive("alice", Duration.ofSeconds(10));

            try (FlvHttpViewer viewer = new FlvHttpViewer(live.server.port(), live.flvPath("alice"), LiveTestServer.ORIGIN)) {
                assertThat(viewer.status).isEqualTo(200);
                assertThat(viewer.headers).containsEntry("content-type", "video/x-flv")
                        .containsEntry("transfer-encoding", "chunked")
                        .containsEntry("access-control-allow-origin", LiveTestServer.ORIGIN)
                        .doesNotContainKey("content-length");
                awaitVideo(viewer, 2);
                List<FlvHttpViewer.Tag> video = viewer.video();
                assertThat(viewer.tags.get(0).type()).as("metadata first").isEqualTo(18);
                assertThat(video.get(0).isVideoSequenceHeader()).isTrue();
                assertThat(video.get(1).isKeyframe()).as("first frame after the sequence header").isTrue();
                long toKeyframe = TimeUnit.NANOSECONDS.toMillis(video.get(1).arrivedNanos() - viewer.requestedNanos);
                System.out.println("HTTP-FLV late joiner: first keyframe after " + toKeyframe + " ms");
                assertThat(toKeyframe).as("ms to the first keyframe").isLessThan(150);
            }

            Ffmpeg player = Ffmpeg.play(live.flvUrl("alice"), 60, dir.resolve("play.log"));
            assertThat(player.waitFor(20)).as(player.output()).isZero();
            assertThat(player.decodedFrames()).as(player.output()).isGreaterThanOrEqualTo(60);
            assertThat(publisher.isAlive()).isTrue();
        }
    }

    @Test
    void watchingTakesAValidTokenAndALiveStream() throws Exception {
        try (FlvHttpViewer unknown = new FlvHttpViewer(live.server.port(), live.flvPath("nobody"), null)) {
            assertThat(unknown.status).isEqualTo(404);
            assertThat(unknown.headers).containsEntry("content-type", "application/problem+json");
        }
        try (FlvHttpViewer noToken = new FlvHttpViewer(live.server.port(), "/live/alice.flv", null)) {
            assertThat(noToken.status).isEqualTo(403);
        }
        try (FlvHttpViewer wrongStream = new FlvHttpViewer(live.server.port(),
                "/live/alice.flv?token=" + live.token("bob"), null)) {
            assertThat(wrongStream.status).isEqualTo(403);
        }
        try (FlvHttpViewer badName = new FlvHttpViewer(live.server.port(), "/live/..%2Fsecret.flv", null)) {
            assertThat(badName.status).isEqualTo(404);
        }
        HttpResponse<Void> head = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(live.flvUrl("nobody")))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(404);
    }

    @Test
    void aViewerRidesThroughAReconnectAndEndsCleanlyAfterTheGrace() throws Exception {
        FlvHttpViewer viewer;
        try (Ffmpeg first = Ffmpeg.publish(live.rtmpUrl(LiveTestServer.KEY), 3, dir.resolve("first.log"))) {
            live.awaitLive("alice", Duration.ofSeconds(10));
            viewer = new FlvHttpViewer(live.server.port(), live.flvPath("alice"), null);
            assertThat(viewer.status).isEqualTo(200);
            assertThat(first.waitFor(15)).as(first.output()).isZero();
        }
        int beforeReconnect = viewer.video().size();
        try (Ffmpeg second = Ffmpeg.publish(live.rtmpUrl(LiveTestServer.KEY), 3, dir.resolve("second.log"))) {
            assertThat(second.waitFor(15)).as(second.output()).isZero();
        }
        long unpublished = System.nanoTime();
        assertThat(viewer.awaitFinished(5_000)).as("the response ends after the grace").isTrue();
        long endedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - unpublished);
        viewer.close();

        assertThat(viewer.failure).isNull();
        assertThat(viewer.endedCleanly).as("last chunk, then the connection closed").isTrue();
        assertThat(endedAfter).isBetween(1_500L, 4_000L);
        // coded frames only: a sequence header or end-of-sequence shares its neighbour's timestamp
        List<FlvHttpViewer.Tag> video = viewer.video().stream().filter(t -> t.secondByte() == 1).toList();
        assertThat(video.size()).as("frames after the reconnect").isGreaterThan(beforeReconnect + 60);
        for (int i = 1; i < video.size(); i++) {
            assertThat(video.get(i).timestamp()).as("video timestamp %d", i).isGreaterThan(video.get(i - 1).timestamp());
        }
        assertThat(video.get(video.size() - 1).timestamp() - video.get(0).timestamp()).isGreaterThan(3_500);
        assertThat(live.events).containsExactly("started alice", "viewers alice 1", "ended alice");

        try (FlvHttpViewer late = new FlvHttpViewer(live.server.port(), live.flvPath("alice"), null)) {
            assertThat(late.status).isEqualTo(404);
        }
    }

    static void awaitVideo(FlvHttpViewer viewer, int tags) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (viewer.video().size() < tags && System.nanoTime() < deadline) TimeUnit.MILLISECONDS.sleep(5);
        assertThat(viewer.video()).hasSizeGreaterThanOrEqualTo(tags);
    }
}
