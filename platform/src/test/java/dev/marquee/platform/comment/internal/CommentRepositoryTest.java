package dev.marquee.platform.comment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.platform.testing.Databases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class CommentRepositoryTest {
    @TempDir
    Path tmp;

    private static CommentRepository repository(HikariDataSource ds) {
        JdbcClient jdbc = JdbcClient.create(ds);
        for (int u = 1; u <= 3; u++) {
            jdbc.sql("INSERT INTO users (id, username, username_key, password_hash, role, created_at) VALUES (?, ?, ?, 'h', 'user', 0)")
                    .params(u, "User" + u, "user" + u).update();
        }
        jdbc.sql("INSERT INTO videos (id, owner_id, title, description, tags, visibility, state, created_at, renditions) "
                + "VALUES (100, 1, 't', '', '[]', 'public', 'ready', 0, '[]')").update();
        return new CommentRepository(jdbc);
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.platform.testing.Databases#engines")
    void newestFirstPagesStayStableWhenNewCommentsArrive(String engine) {
        try (HikariDataSource ds = Databases.open(engine, tmp)) {
            CommentRepository comments = repository(ds);
            for (long id = 1; id <= 5; id++) comments.insert(id, 100, 2, null, "c" + id, Instant.ofEpochMilli(id));
            List<Comment> first = comments.topLevel(100, false, null, 2);
            assertThat(first).extracting(Comment::id).containsExactly(5L, 4L);
            assertThat(first.getFirst().authorName()).isEqualTo("User2");
            comments.insert(6, 100, 3, null, "newer", Instant.ofEpochMilli(6));
            List<Comment> second = comments.topLevel(100, false, new CommentCursor(0, 4), 2);
            assertThat(second).extracting(Comment::id).containsExactly(3L, 2L);
            assertThat(comments.count(100)).isEqualTo(6);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.platform.testing.Databases#engines")
    void topOrderIsByLikesThenNewestAndLikesAreOnePerUser(String engine) {
        try (HikariDataSource ds = Databases.open(engine, tmp)) {
            CommentRepository comments = repository(ds);
            for (long id = 1; id <= 4; id++) comments.insert(id, 100, 2, null, "c" + id, Instant.ofEpochMilli(id));
            assertThat(comments.like(2, 1, Instant.EPOCH)).isTrue();
            assertThat(comments.like(2, 1, Instant.EPOCH)).isFalse();
            comments.like(2, 3, Instant.EPOCH);
            comments.like(1, 3, Instant.EPOCH);
            assertThat(comments.find(2).orElseThrow().likes()).isEqualTo(2);
            List<Comment> top = comments.topLevel(100, true, null, 2);
            assertThat(top).extracting(Comment::id).containsExactly(2L, 1L);
            Comment last = top.getLast();
            assertThat(comments.topLevel(100, true, new CommentCursor(last.likes(), last.id()), 10))
                    .extracting(Comment::id).containsExactly(4L, 3L);
            assertThat(comments.likedBy(3, List.of(1L, 2L, 3L))).containsExactlyInAnyOrder(1L, 2L);
            assertThat(comments.unlike(2, 1)).isTrue();
            assertThat(comments.unlike(2, 1)).isFalse();
            assertThat(comments.find(2).orElseThrow().likes()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.platform.testing.Databases#engines")
    void repliesAreCountedPagedOldestFirstAndGoWithTheirParent(String engine) {
        try (HikariDataSource ds = Databases.open(engine, tmp)) {
            CommentRepository comments = repository(ds);
            comments.insert(10, 100, 2, null, "parent", Instant.ofEpochMilli(1));
            for (long id = 11; id <= 13; id++) comments.insert(id, 100, 3, 10L, "reply " + id, Instant.ofEpochMilli(id));
            assertThat(comments.find(10).orElseThrow().replies()).isEqualTo(3);
            assertThat(comments.topLevel(100, false, null, 10)).extracting(Comment::id).containsExactly(10L);
            assertThat(comments.replies(10, null, 2)).extracting(Comment::id).containsExactly(11L, 12L);
            assertThat(comments.replies(10, 12L, 2)).extracting(Comment::id).containsExactly(13L);
            assertThat(comments.find(11).orElseThrow().parentId()).isEqualTo(10L);

            comments.delete(comments.find(12).orElseThrow());
            assertThat(comments.find(10).orElseThrow().replies()).isEqualTo(2);
            comments.updateText(11, "changed", Instant.ofEpochMilli(99));
            Comment edited = comments.find(11).orElseThrow();
            assertThat(edited.text()).isEqualTo("changed");
            assertThat(edited.editedAt()).isEqualTo(Instant.ofEpochMilli(99));

            comments.delete(comments.find(10).orElseThrow());
            assertThat(comments.find(11)).isEmpty();
            assertThat(comments.count(100)).isZero();
        }
    }
}
