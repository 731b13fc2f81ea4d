package dev.marquee.platform.live.internal;

import dev.marquee.media.server.spi.PublishAuthorizer;
import dev.marquee.platform.account.AccountService;
import dev.marquee.platform.account.User;
import dev.marquee.platform.live.StreamKeyService;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Answers the RTMP server when OBS publishes to {@code rtmp://host:1935/live} with a stream key: the
 * key's owner's username is the stream name. Blocks on one indexed database read.
 */
@Component
class LivePublishAuthorizer implements PublishAuthorizer {
    static final String APP = "live";
    private static final Logger log = LoggerFactory.getLogger(LivePublishAuthorizer.class);

    private final StreamKeyService keys;
    private final AccountService accounts;

    LivePublishAuthorizer(StreamKeyService keys, AccountService accounts) {
        this.keys = keys;
        this.accounts = accounts;
    }

    @Override
    public Optional<String> authorizePublish(String app, String streamKey) {
        if (!APP.equals(app) || streamKey == null) return Optional.empty();
        // Some encoders append "?query" parameters to the stream name; the key is what comes before.
        int query = streamKey.indexOf('?');
        String key = query >= 0 ? streamKey.substring(0, query) : streamKey;
        try {
            Optional<String> channel = keys.ownerOf(key).flatMap(accounts::findById).map(User::username);
            if (channel.isEmpty()) log.info("Refused a publish to /{}: not a current stream key", app);
            return channel;
        } catch (RuntimeException e) { // the database is unreachable: refuse rather than break the RTMP session
            log.error("Cannot check a stream key; refusing the publish", e);
            return Optional.empty();
        }
    }
}
