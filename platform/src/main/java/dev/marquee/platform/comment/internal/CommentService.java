package dev.marquee.platform.comment.internal;

import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.comment.CommentPosted;
import dev.marquee.platform.community.PostGuard;
import dev.marquee.platform.community.PostKind;
import dev.marquee.platform.community.Poster;
import dev.marquee.platform.community.UserText;
import dev.marquee.platform.id.IdGenerator;
import dev.marquee.platform.id.PublicId;
import dev.marquee.platform.video.Video;
import dev.marquee.platform.video.VideoService;
import dev.marquee.platform.web.ProblemException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The rules of comments: only on videos the caller may see, replies one level deep, edits by the author,
 * deletes by the author, the video's owner or an admin, and every post through the PostGuard.
 */
@Service
class CommentService {
    static final int MAX_LENGTH = 2000;

    private final CommentRepository comments;
    private final VideoService videos;
    private final PostGuard guard;
    private final IdGenerator ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CommentService(CommentRepository comments, VideoService videos, PostGuard guard, IdGenerator ids, Clock clock,
                   ApplicationEventPublisher events) {
        this.comments = comments;
        this.videos = videos;
        this.guard = guard;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    CommentJson.Page list(String videoId, String sort, @Nullable String cursor, int limit, @Nullable CurrentUser me) {
        if (!sort.equals("new") && !sort.equals("top")) throw ProblemException.badRequest("sort is new or top.");
        checkLimit(limit);
        boolean top = sort.equals("top");
        Video video = videos.requireVisible(videoId, me);
        List<Comment> page = comments.topLevel(video.id(), top, CommentCursor.parse(cursor, top), limit + 1);
        String next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            next = new CommentCursor(page.getLast().likes(), page.getLast().id()).encode(top);
        }
        return new CommentJson.Page(json(page, me), next, comments.count(video.id()));
    }

    CommentJson.Page replies(String commentId, @Nullable String cursor, int limit, @Nullable CurrentUser me) {
        checkLimit(limit);
        Comment parent = requireVisible(commentId, me);
        CommentCursor after = CommentCursor.parse(cursor, false);
        List<Comment> page = comments.replies(parent.id(), after == null ? null : after.id(), limit + 1);
        String next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            next = new CommentCursor(0, page.getLast().id()).encode(false);
        }
        return new CommentJson.Page(json(page, me), next, parent.replies());
    }

    CommentJson post(String videoId, @Nullable String rawText, @Nullable String parentId, CurrentUser me, String ip) {
        Video video = videos.requireVisible(videoId, me);
        Long parent = null;
        if (parentId != null && !parentId.isEmpty()) {
            Comment replyTo = PublicId.decode(parentId).flatMap(comments::find)
                    .filter(c -> c.videoId() == video.id())
                    .orElseThrow(() -> ProblemException.badRequest("parentId names no comment of this video."));
            parent = replyTo.parentId() != null ? replyTo.parentId() : replyTo.id(); // one level: reply to the thread
        }
        String text = UserText.paragraphs(rawText, MAX_LENGTH, "text");
        guard.admit(new Poster(me, ip), PostKind.COMMENT, video.ownerId(), text);
        long id = ids.next();
        comments.insert(id, video.id(), me.id(), parent, text, clock.instant());
        events.publishEvent(new CommentPosted(id, video.id(), me.id(), parent));
        return CommentJson.of(comments.find(id).orElseThrow(), false);
    }

    CommentJson edit(String commentId, @Nullable String rawText, CurrentUser me, String ip) {
        Comment comment = requireVisible(commentId, me);
        if (comment.authorId() != me.id()) throw ProblemException.forbidden("Only the author may edit a comment.");
        String text = UserText.paragraphs(rawText, MAX_LENGTH, "text");
        long channel = videos.find(comment.videoId()).map(Video::ownerId).orElseThrow();
        guard.admit(new Poster(me, ip), PostKind.COMMENT, channel, text);
        comments.updateText(comment.id(), text, clock.instant());
        Comment edited = comments.find(comment.id()).orElseThrow();
        return CommentJson.of(edited, !comments.likedBy(me.id(), List.of(edited.id())).isEmpty());
    }

    void delete(String commentId, CurrentUser me) {
        Comment comment = requireVisible(commentId, me);
        long videoOwner = videos.find(comment.videoId()).map(Video::ownerId).orElseThrow();
        if (comment.authorId() != me.id() && !me.mayModify(videoOwner)) {
            throw ProblemException.forbidden("Only the author, the video's owner or an admin may delete a comment.");
        }
        comments.delete(comment);
    }

    void like(String commentId, CurrentUser me, boolean liked) {
        Comment comment = requireVisible(commentId, me);
        if (liked) comments.like(comment.id(), me.id(), clock.instant());
        else comments.unlike(comment.id(), me.id());
    }

    /** The comment if it exists on a video this caller may see; 404 otherwise. */
    private Comment requireVisible(String commentId, @Nullable CurrentUser me) {
        Comment comment = PublicId.decode(commentId).flatMap(comments::find)
                .orElseThrow(() -> ProblemException.notFound("No such comment."));
        videos.requireVisible(PublicId.encode(comment.videoId()), me);
        return comment;
    }

    private List<CommentJson> json(List<Comment> page, @Nullable CurrentUser me) {
        Set<Long> liked = me == null ? Set.of() : comments.likedBy(me.id(), page.stream().map(Comment::id).toList());
        return page.stream().map(c -> CommentJson.of(c, liked.contains(c.id()))).toList();
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > 100) throw ProblemException.badRequest("limit is 1 to 100.");
    }
}
