package dev.marquee.platform.transcode;

import dev.marquee.platform.config.MarqueeProperties;
import dev.marquee.platform.id.PublicId;
import dev.marquee.platform.video.Video;
import dev.marquee.platform.video.VideoFiles;
import dev.marquee.platform.video.VideoService;
import dev.marquee.platform.video.VideoState;
import java.nio.file.Path;
import java.util.Optional;
import org.jobrunr.jobs.annotations.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Probes one video's original and transcodes it into the HLS ladder. Output goes to a scratch
 * directory that is renamed into place only when complete, so half-written media is never served.
 */
@Component
public class TranscodeJob {
    private static final Logger log = LoggerFactory.getLogger(TranscodeJob.class);

    private final VideoService videos;
    private final VideoFiles files;
    private final FfmpegTools ffmpeg;
    private final TranscodeScheduler scheduler;
    private final int maxAttempts;
    private final TranscodeOptions options;

    TranscodeJob(VideoService videos, VideoFiles files, FfmpegTools ffmpeg, TranscodeScheduler scheduler,
                 MarqueeProperties props) {
        this.videos = videos;
        this.files = files;
        this.ffmpeg = ffmpeg;
        this.scheduler = scheduler;
        this.maxAttempts = props.transcodeRetries() + 1;
        this.options = TranscodeOptions.defaults().withNiceness(props.transcodeNiceness());
    }

    /** JobRunr retries this job itself when a worker dies mid-run (kill -9, power loss). */
    @Job(name = "Transcode video %0", retries = 5)
    public void run(String videoId) {
        long id = PublicId.decode(videoId).orElseThrow();
        Optional<Video> video = videos.find(id);
        if (video.isEmpty() || video.get().state() != VideoState.PROCESSING) return;
        Path original = files.original(id);
        ProbeResult probe;
        try {
            probe = new MediaProber(ffmpeg).probe(original);
        } catch (UnplayableMediaException e) {
            videos.reportFailed(id, e.getMessage(), true);
            return;
        }
        videos.reportProbe(id, probe.durationSeconds(), probe.width(), probe.height());
        int attempt = videos.countAttempt(id);
        Path work = files.newWorkDir(id);
        try {
            TranscodeResult result = new LadderTranscoder(ffmpeg, options).transcode(original, probe, work,
                    percent -> videos.reportProgress(id, percent));
            videos.reportReady(id, work, result.renditions().stream()
                    .map(r -> new Video.Rendition(r.width(), r.height(), r.bandwidth())).toList());
        } catch (TranscodeException e) {
            if (attempt < maxAttempts) {
                log.warn("Transcode of {} failed (attempt {} of {}), retrying: {}", videoId, attempt, maxAttempts, e.getMessage());
                scheduler.retryLater(videoId, attempt);
            } else {
                videos.reportFailed(id, "Transcoding failed after " + attempt + " attempts: " + e.getMessage(), false);
            }
        } finally {
            VideoFiles.deleteRecursively(work); // gone already when it was published
        }
    }
}
