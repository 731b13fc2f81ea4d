package dev.marquee.platform.live.internal;

import dev.marquee.platform.account.AccountService;
import dev.marquee.platform.account.User;
import dev.marquee.platform.live.LiveChannel;
import dev.marquee.platform.live.LiveChannels;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A channel's live status as API.md shows it; live channels are answered from memory alone. */
@Component
class ChannelStatuses {
    /**
     * {@code GET /api/v1/live/{username}}. Offline: the title is the next stream's, if one is set. URLs are signed.
     * {@code previewUrl}: a recent picture of the stream, null offline and until the first is taken.
     */
    record LiveStatusJson(boolean live, String title, Instant startedAt, int viewers, String flvUrl, String hlsUrl,
                          String rtmpUrl, String previewUrl) {}

    record ChannelStatus(long userId, String username, LiveStatusJson status) {}

    private final LiveChannels liveChannels;
    private final AccountService accounts;
    private final ChannelRepository channels;
    private final LiveUrls urls;

    ChannelStatuses(LiveChannels liveChannels, AccountService accounts, ChannelRepository channels, LiveUrls urls) {
        this.liveChannels = liveChannels;
        this.accounts = accounts;
        this.channels = channels;
        this.urls = urls;
    }

    /** The status of a channel; 404 when no user has that name. */
    ChannelStatus require(String username) {
        Optional<LiveChannel> now = liveChannels.find(username);
        if (now.isPresent()) {
            LiveChannel c = now.get();
            return new ChannelStatus(c.userId(), c.username(), new LiveStatusJson(true, c.title(), c.startedAt(),
                    c.viewers(), urls.flv(c.username()), urls.hls(c.username()), urls.rtmp(c.username()),
                    urls.preview(c)));
        }
        User user = accounts.requireByUsername(username);
        return new ChannelStatus(user.id(), user.username(), new LiveStatusJson(false,
                channels.nextTitle(user.id()).orElse(null), null, 0, urls.flv(user.username()), urls.hls(user.username()),
                urls.rtmp(user.username()), null));
    }
}
