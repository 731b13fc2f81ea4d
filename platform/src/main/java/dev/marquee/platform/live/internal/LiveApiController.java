package dev.marquee.platform.live.internal;

import dev.marquee.media.server.spi.LiveIngest;
import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.live.StreamKeyService;
import dev.marquee.platform.web.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The live routes of API.md, plus the streamer's settings: the streams' title and whether streams are kept as replays. */
@RestController
class LiveApiController {
    record StreamKeyJson(String ingestUrl, String streamKey) {}

    record TitleJson(String title) {}

    /** The title as stored, and whether the stream live now took it too (else it waits for the next). */
    record TitleSetJson(String title, boolean live) {}

    record ReplaysJson(Boolean save) {}

    /** The caller's own settings, as the "Go live" page shows them; the title is null until one is set. */
    record LiveSettingsJson(String title, boolean saveReplays) {}

    record PastStreamsJson(List<PastStreams.PastStreamJson> items) {}

    private final StreamKeyService keys;
    private final ChannelRepository channels;
    private final ChannelStatuses statuses;
    private final LiveStreams streams;
    private final LiveIngest ingest;
    private final PastStreams pastStreams;
    private final LiveUrls urls;
    private final Clock clock;

    LiveApiController(StreamKeyService keys, ChannelRepository channels, ChannelStatuses statuses, LiveStreams streams,
                      ObjectProvider<LiveIngest> ingest, PastStreams pastStreams, LiveUrls urls, Clock clock) {
        this.keys = keys;
        this.pastStreams = pastStreams;
        this.streams = streams;
        this.ingest = ingest.getIfAvailable(() -> LiveIngest.NONE);
        this.channels = channels;
        this.statuses = statuses;
        this.urls = urls;
        this.clock = clock;
    }

    @GetMapping("/api/v1/live/key")
    ResponseEntity<StreamKeyJson> key(CurrentUser me) {
        return callersOwn(new StreamKeyJson(urls.ingest(), keys.currentKey(me.id())));
    }

    @PostMapping("/api/v1/live/key/rotate")
    ResponseEntity<StreamKeyJson> rotate(CurrentUser me) {
        return callersOwn(new StreamKeyJson(urls.ingest(), keys.rotate(me.id())));
    }

    @GetMapping("/api/v1/live/settings")
    ResponseEntity<LiveSettingsJson> settings(CurrentUser me) {
        return callersOwn(new LiveSettingsJson(channels.nextTitle(me.id()).orElse(null), channels.savesReplays(me.id())));
    }

    /** What the caller's OBS is sending now; polled by the "Go live" page. */
    @GetMapping("/api/v1/live/ingest")
    ResponseEntity<IngestStatusJson> ingest(CurrentUser me) {
        return callersOwn(IngestStatusJson.of(ingest.report(me.username())));
    }

    /** The caller's past streams, newest first: length, peak viewers and the replay's state. */
    @GetMapping("/api/v1/live/sessions")
    ResponseEntity<PastStreamsJson> sessions(CurrentUser me, @RequestParam(defaultValue = "" + PastStreams.DEFAULT_LIMIT) int limit) {
        if (limit < 1 || limit > PastStreams.MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be between 1 and " + PastStreams.MAX_LIMIT + ".");
        }
        return callersOwn(new PastStreamsJson(pastStreams.of(me.id(), limit)));
    }

    /** The title of the caller's streams: the one live now at once, and the next ones. */
    @PutMapping("/api/v1/live/title")
    TitleSetJson title(CurrentUser me, @RequestBody TitleJson body) {
        String title = LiveInput.title(body.title());
        channels.setNextTitle(me.id(), title, clock.instant());
        return new TitleSetJson(title, streams.retitle(me.id(), title));
    }

    /** Keep each finished stream as a replay video (the default), or keep streams live-only. */
    @PutMapping("/api/v1/live/replays")
    ReplaysJson replays(CurrentUser me, @RequestBody ReplaysJson body) {
        if (body.save() == null) throw ProblemException.badRequest("Say whether to save replays: {\"save\": true} or false.");
        channels.setSaveReplays(me.id(), body.save(), clock.instant());
        return new ReplaysJson(body.save());
    }

    @GetMapping("/api/v1/live/{username}")
    ChannelStatuses.LiveStatusJson status(@PathVariable String username) {
        return statuses.require(username).status();
    }

    /** The newest picture of a live channel (its {@code previewUrl}); 404 offline or before the first. */
    @GetMapping("/api/v1/live/{username}/preview.jpg")
    ResponseEntity<byte[]> preview(@PathVariable String username) {
        LiveStreams.Preview preview = streams.preview(username)
                .orElseThrow(() -> ProblemException.notFound("No picture of " + username + "'s stream: it is not live, or just started."));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic())
                .lastModified(preview.takenAt()).body(preview.jpeg());
    }

    /** A stream key is a password, and settings and ingest are one user's own: no cache keeps them. */
    private static <T> ResponseEntity<T> callersOwn(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
