package dev.marquee.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Every setting of Marquee, bound from {@code marquee.*} properties, {@code MARQUEE_*} environment
 * variables or the command line. Defaults make a working site on 127.0.0.1 with data under ./data.
 */
@ConfigurationProperties("marquee")
public record MarqueeProperties(
        Path dataDir,
        String bindHost,
        int httpPort,
        int mediaPort,
        int rtmpPort,
        String publicUrl,
        String mediaPublicUrl,
        int nodeId,
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        String secret,
        DataSize maxUploadSize,
        Duration uploadExpiry,
        int transcodeConcurrency,
        Integer transcodeRetries,
        Duration transcodeRetryBaseDelay,
        Integer transcodeNiceness,
        String ffmpegDir,
        Duration mediaUrlTtl,
        Duration viewFlushInterval,
        int postsPerMinutePerIp,
        Duration liveFlushInterval,
        Duration roomFlushInterval,
        Duration livePreviewInterval) {

    public MarqueeProperties {
        if (dataDir == null) dataDir = Path.of("data");
        if (bindHost == null || bindHost.isBlank()) bindHost = "127.0.0.1";
        if (httpPort == 0) httpPort = 8080;
        if (mediaPort == 0) mediaPort = 8081;
        if (rtmpPort == 0) rtmpPort = 1935;
        if (publicUrl == null || publicUrl.isBlank()) publicUrl = "http://127.0.0.1:" + httpPort;
        if (mediaPublicUrl == null || mediaPublicUrl.isBlank()) mediaPublicUrl = "http://127.0.0.1:" + mediaPort;
        publicUrl = stripSlash(publicUrl);
        mediaPublicUrl = stripSlash(mediaPublicUrl);
        if (nodeId < 0 || nodeId > 1023) throw new IllegalArgumentException("marquee.node-id must be 0..1023");
        if (maxUploadSize == null) maxUploadSize = DataSize.ofGigabytes(8);
        if (uploadExpiry == null) uploadExpiry = Duration.ofHours(24);
        if (transcodeConcurrency <= 0) transcodeConcurrency = 1;
        if (transcodeRetries == null || transcodeRetries < 0) transcodeRetries = 3;
        if (transcodeRetryBaseDelay == null) transcodeRetryBaseDelay = Duration.ofSeconds(10);
        if (transcodeNiceness == null) transcodeNiceness = 10;
        if (transcodeNiceness < 0 || transcodeNiceness > 19) {
            throw new IllegalArgumentException("marquee.transcode-niceness must be 0..19, not " + transcodeNiceness);
        }
        if (mediaUrlTtl == null) mediaUrlTtl = Duration.ofHours(6);
        if (viewFlushInterval == null) viewFlushInterval = Duration.ofSeconds(10);
        if (postsPerMinutePerIp <= 0) postsPerMinutePerIp = 120;
        if (liveFlushInterval == null) liveFlushInterval = Duration.ofMillis(100);
        if (liveFlushInterval.isNegative() || liveFlushInterval.isZero() || liveFlushInterval.toMillis() > 500) {
            throw new IllegalArgumentException("marquee.live-flush-interval must be more than 0 and at most 500ms, not " + liveFlushInterval);
        }
        if (roomFlushInterval == null) roomFlushInterval = Duration.ofMillis(50);
        if (livePreviewInterval == null) livePreviewInterval = Duration.ofSeconds(60);
    }

    public Path mediaDir() {
        return dataDir.resolve("media");
    }

    public boolean usesSqlite() {
        return databaseUrl == null || databaseUrl.isBlank() || databaseUrl.startsWith("jdbc:sqlite:");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
