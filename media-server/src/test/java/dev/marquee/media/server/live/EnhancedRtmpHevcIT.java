package dev.marquee.media.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.core.flv.FlvTag;
import dev.marquee.media.hls.HevcFlv;
import dev.marquee.media.rtmp.message.VideoMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * HEVC published as OBS 29+ sends it (Enhanced RTMP, FourCC hvc1): HTTP-FLV viewers get the enhanced tags as
 * sent, and the live HLS is fragmented MP4 that ffmpeg decodes. The frames come from x265, sent by our own
 * RTMP client because Debian's ffmpeg 5.1 cannot publish HEVC over RTMP.
 */
class EnhancedRtmpHevcIT extends LiveServerIT {
    @Test
    void hevcOverEnhancedRtmpPlaysOverHttpFlvAndFragmentedMp4Hls() throws Exception {
        Process x265 = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25",
                "-t", "6", "-c:v", "libx265", "-preset", "ultrafast",
                "-x265-params", "aud=1:bframes=0:keyint=25:min-keyint=25:scenecut=0:log-level=error", "-f", "hevc",
                dir.resolve("video.h265").toString()).redirectErrorStream(true).start();
        assertThat(x265.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(x265.exitValue()).as(new String(x265.getInputStream().readAllBytes())).isZero();
        List<FlvTag> tags = HevcFlv.tags(Files.readAllBytes(dir.resolve("video.h265")), 25);

        try (RtmpTestClient publisher = new RtmpTestClient(live.server.rtmpPort())) {
            publisher.connect("live");
            assertThat(publisher.publish(LiveTestServer.KEY)).isEqualTo("NetStream.Publish.Start");
            publisher.send(new VideoMessage(1, 0, tags.getFirst().body().retain())); // the sequence header
            try (FlvHttpViewer viewer = new FlvHttpViewer(live.server.port(), live.flvPath("alice"), null)) {
                assertThat(viewer.status).isEqualTo(200);
                for (FlvTag tag : tags.subList(1, tags.size())) {
                    publisher.send(new VideoMessage(1, tag.timestamp(), tag.body().retain()));
                    TimeUnit.MILLISECONDS.sleep(8); // faster than real time, slow enough to stay in order per viewer
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (viewer.video().size() < tags.size() && System.nanoTime() < deadline) TimeUnit.MILLISECONDS.sleep(20);
                List<FlvHttpViewer.Tag> video = viewer.video();
                assertThat(video).as("every frame reached the HTTP-FLV viewer").hasSize(tags.size());
                assertThat(video.getFirst().firstByte()).as("enhanced sequence start: IsExHeader, keyframe, type 0")
                        .isEqualTo(0x90);
                assertThat(video.get(1).firstByte() & 0xF0).as("an enhanced keyframe").isEqualTo(0x90);
            } finally {
                tags.forEach(FlvTag::release);
            }

            String playlistUrl = "http://127.0.0.1:" + live.server.port() + "/live/alice/index.m3u8?token=" + live.token("alice");
            HttpClient http = HttpClient.newHttpClient();
            String playlist = http.send(HttpRequest.newBuilder(URI.create(playlistUrl)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(playlist).contains("#EXT-X-MAP:URI=\"init-", ".mp4?token=", ".m4s?token=");
            Process player = new ProcessBuilder("ffmpeg", "-v", "error", "-i", playlistUrl, "-frames:v", "50",
                    "-f", "null", "-").redirectErrorStream(true).start();
            assertThat(player.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(player.exitValue()).as(new String(player.getInputStream().readAllBytes())).isZero();

            // The site's preview picture starts at the newest fragment, through its init segment
            Process still = new ProcessBuilder("ffmpeg", "-v", "error", "-live_start_index", "-1", "-i", playlistUrl + "&uncounted=1",
                    "-frames:v", "1", "-c:v", "mjpeg", "-f", "image2pipe", "pipe:1").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] jpeg = still.getInputStream().readAllBytes();
            assertThat(still.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(still.exitValue()).isZero();
            assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg)).getWidth()).isEqualTo(320);
        }
    }
}
