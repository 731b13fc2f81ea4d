package dev.marquee.platform.video.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.config.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts a view once per viewer per video per 30 minutes. Views gather in memory and reach the
 * database in batches; {@link #reconcile()} recounts the totals from the stored view rows.
 */
@Component
public class ViewCounter {
    static final Duration WINDOW = Duration.ofMinutes(30);

    record PendingView(long videoId, String viewer, long at) {}

    private final Cache<String, Boolean> recent = Caffeine.newBuilder().expireAfterWrite(WINDOW).maximumSize(2_000_000).build();
    private final ConcurrentLinkedQueue<PendingView> pending = new ConcurrentLinkedQueue<>();
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecretKeySpec viewerKey;

    ViewCounter(JdbcClient jdbc, TransactionTemplate tx, Clock clock, Secrets secrets) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.viewerKey = new SecretKeySpec(secrets.derive("viewer"), "HmacSHA256");
    }

    /** Returns true when this view counts (the viewer has not been counted on this video recently). */
    public boolean record(long videoId, CurrentUser user, String ip, String userAgent) {
        String viewer = user != null ? "u" + user.id() : "a" + anonymous(ip + "|" + userAgent);
        if (recent.asMap().putIfAbsent(videoId + ":" + viewer, Boolean.TRUE) != null) return false;
        pending.add(new PendingView(videoId, viewer, clock.millis()));
        return true;
    }

    /** Writes the views gathered since the last flush: one batch insert and one update per video. */
    @Scheduled(fixedDelayString = "${marquee.view-flush-interval:10s}")
    public synchronized void flush() {
        List<PendingView> batch = new ArrayList<>();
        for (PendingView v; (v = pending.poll()) != null; ) batch.add(v);
        if (batch.isEmpty()) return;
        tx.executeWithoutResult(status -> write(batch));
    }

    private void write(List<PendingView> batch) {
        for (PendingView v : batch) {
            jdbc.sql("INSERT INTO video_views (video_id, viewer, window_start) SELECT ?, ?, ? "
                    + "WHERE EXISTS (SELECT 1 FROM videos WHERE id = ?) ON CONFLICT DO NOTHING")
                    .params(v.videoId(), v.viewer(), v.at(), v.videoId()).update();
        }
        Map<Long, Long> perVideo = batch.stream().collect(Collectors.groupingBy(PendingView::videoId, Collectors.counting()));
        perVideo.forEach((video, n) -> jdbc.sql("UPDATE videos SET views = views + ? WHERE id = ?").params(n, video).update());
    }

    /** Makes every video's count equal to its stored view rows (run by a recurring job). */
    public void reconcile() {
        flush();
        jdbc.sql("UPDATE videos SET views = (SELECT COUNT(*) FROM video_views w WHERE w.video_id = videos.id)").update();
    }

    private String anonymous(String fingerprint) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(viewerKey);
            return HexFormat.of().formatHex(mac.doFinal(fingerprint.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
