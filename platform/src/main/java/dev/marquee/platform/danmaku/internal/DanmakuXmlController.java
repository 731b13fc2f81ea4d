package dev.marquee.platform.danmaku.internal;

import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.community.PostGuard;
import dev.marquee.platform.community.PostKind;
import dev.marquee.platform.community.Poster;
import dev.marquee.platform.community.UserText;
import dev.marquee.platform.config.MarqueeProperties;
import dev.marquee.platform.id.IdGenerator;
import dev.marquee.platform.video.Video;
import dev.marquee.platform.video.VideoService;
import dev.marquee.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Export and import of a video's danmaku in Bilibili's XML format (import: the owner or an admin). */
@RestController
class DanmakuXmlController {
    /** About 60,000 danmaku; a bigger file is refused before it is parsed. */
    static final int MAX_IMPORT_BYTES = 8 * 1024 * 1024;

    record Imported(int imported, int skipped) {}

    private final VideoService videos;
    private final DanmakuService danmaku;
    private final DanmakuRepository repository;
    private final PostGuard guard;
    private final SenderHash senders;
    private final IdGenerator ids;
    private final Clock clock;
    private final String host;

    DanmakuXmlController(VideoService videos, DanmakuService danmaku, DanmakuRepository repository, PostGuard guard,
                         SenderHash senders, IdGenerator ids, Clock clock, MarqueeProperties props) {
        this.videos = videos;
        this.danmaku = danmaku;
        this.repository = repository;
        this.guard = guard;
        this.senders = senders;
        this.ids = ids;
        this.clock = clock;
        this.host = URI.create(props.publicUrl()).getHost();
    }

    @GetMapping("/api/v1/videos/{id}/danmaku.xml")
    void export(@PathVariable String id, @Nullable CurrentUser me, HttpServletResponse response) throws IOException {
        Video video = videos.requireVisible(id, me);
        response.setContentType("application/xml;charset=UTF-8");
        response.setHeader("Content-Disposition", "inline; filename=\"" + video.publicId() + ".xml\"");
        try {
            XMLStreamWriter w = BilibiliXml.start(response.getOutputStream(), host, video.publicId(), DanmakuService.SLICE_CAP);
            // Slice by slice: no database connection is held while a slow client downloads.
            for (int slice = 0, last = repository.lastSlice(video.id()); slice <= last; slice++)
                for (Danmaku d : repository.slice(video.id(), slice, DanmakuService.SLICE_CAP)) BilibiliXml.write(w, d);
            BilibiliXml.end(w);
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @PostMapping("/api/v1/videos/{id}/danmaku.xml")
    Imported importFile(@PathVariable String id, CurrentUser me, HttpServletRequest request) throws IOException {
        Video video = videos.requireModifiable(id, me);
        byte[] body = request.getInputStream().readNBytes(MAX_IMPORT_BYTES + 1);
        if (body.length > MAX_IMPORT_BYTES)
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "Too large", "A danmaku file is at most "
                    + MAX_IMPORT_BYTES / (1024 * 1024) + " MB.");
        List<BilibiliXml.Entry> entries = BilibiliXml.read(new ByteArrayInputStream(body));
        // One admission for the whole file: bans apply, and the same file twice in a row is refused as a repeat.
        guard.admit(new Poster(me, request.getRemoteAddr()), PostKind.DANMAKU, video.ownerId(), "danmaku import " + sha256(body));
        double maxSeconds = (video.durationSeconds() == null ? 24 * 3600 : video.durationSeconds()) + DanmakuInput.TIME_SLACK_SECONDS;
        List<BilibiliXml.Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(BilibiliXml.Entry::unixTime)); // newest last, so the slice cap keeps them
        List<Danmaku> rows = new ArrayList<>();
        for (BilibiliXml.Entry e : sorted) {
            Danmaku d = toDanmaku(video, e, maxSeconds);
            if (d != null) rows.add(d);
        }
        danmaku.storeAll(video.id(), rows);
        return new Imported(rows.size(), entries.size() - rows.size());
    }

    private @Nullable Danmaku toDanmaku(Video video, BilibiliXml.Entry e, double maxSeconds) {
        DanmakuMode mode = DanmakuMode.fromBilibili(e.mode());
        if (mode == null || !(e.time() >= 0 && e.time() <= maxSeconds)) return null;
        String text;
        try {
            text = UserText.line(e.text(), DanmakuInput.MAX_TEXT, "text");
        } catch (ProblemException tooLongOrEmpty) {
            return null;
        }
        long created = e.unixTime() > 0 && e.unixTime() < clock.millis() / 1000 + 86_400 ? e.unixTime() * 1000 : clock.millis();
        return new Danmaku(ids.next(), video.id(), Math.round(e.time() * 1000), text, mode, e.color(),
                DanmakuSize.fromPixels(e.size()), senders.ofImported(e.sender()), null, created);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
