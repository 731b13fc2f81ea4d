package dev.marquee.platform.transcode;

import dev.marquee.platform.config.MarqueeProperties;
import dev.marquee.platform.id.PublicId;
import dev.marquee.platform.video.VideoUploaded;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;

/** Puts transcoding jobs on the queue: at once after an upload, later (with backoff) after a failure. */
@Component
public class TranscodeScheduler {
    static final Duration MAX_DELAY = Duration.ofMinutes(30);

    private final JobScheduler jobs;
    private final Duration baseDelay;

    TranscodeScheduler(JobScheduler jobs, MarqueeProperties props) {
        this.jobs = jobs;
        this.baseDelay = props.transcodeRetryBaseDelay();
    }

    @EventListener
    void onUploaded(VideoUploaded event) {
        String id = PublicId.encode(event.videoId());
        jobs.<TranscodeJob>enqueue(job -> job.run(id));
    }

    void retryLater(String videoId, int attempt) {
        jobs.<TranscodeJob>schedule(Instant.now().plus(backoff(baseDelay, attempt)), job -> job.run(videoId));
    }

    /** Exponential backoff with full jitter: a random delay in [0, min(cap, base * 2^attempt)). */
    static Duration backoff(Duration base, int attempt) {
        long ceiling = Math.min(MAX_DELAY.toMillis(), base.toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(Math.max(1, ceiling)));
    }
}
