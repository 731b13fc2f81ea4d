package dev.marquee.platform.comment.internal;

import dev.marquee.platform.account.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The comment routes of API.md, plus edit, replies and comment likes. */
@RestController
class CommentApiController {
    record CommentBody(String text, String parentId) {}

    private final CommentService comments;

    CommentApiController(CommentService comments) {
        this.comments = comments;
    }

    @GetMapping("/api/v1/videos/{id}/comments")
    CommentJson.Page list(@PathVariable String id, @RequestParam(defaultValue = "new") String sort,
                          @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int limit,
                          @Nullable CurrentUser me) {
        return comments.list(id, sort, cursor, limit, me);
    }

    @PostMapping("/api/v1/videos/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    CommentJson post(@PathVariable String id, @RequestBody CommentBody body, CurrentUser me, HttpServletRequest request) {
        return comments.post(id, body.text(), body.parentId(), me, request.getRemoteAddr());
    }

    @GetMapping("/api/v1/comments/{id}/replies")
    CommentJson.Page replies(@PathVariable String id, @RequestParam(required = false) String cursor,
                             @RequestParam(defaultValue = "20") int limit, @Nullable CurrentUser me) {
        return comments.replies(id, cursor, limit, me);
    }

    @PatchMapping("/api/v1/comments/{id}")
    CommentJson edit(@PathVariable String id, @RequestBody CommentBody body, CurrentUser me, HttpServletRequest request) {
        return comments.edit(id, body.text(), me, request.getRemoteAddr());
    }

    @DeleteMapping("/api/v1/comments/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, CurrentUser me) {
        comments.delete(id, me);
    }

    @PutMapping("/api/v1/comments/{id}/like")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void like(@PathVariable String id, CurrentUser me) {
        comments.like(id, me, true);
    }

    @DeleteMapping("/api/v1/comments/{id}/like")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlike(@PathVariable String id, CurrentUser me) {
        comments.like(id, me, false);
    }
}
