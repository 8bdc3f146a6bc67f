package io.conduithex.domain.comment;

import io.conduithex.domain.article.ArticleId;
import io.conduithex.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/** A comment on an article. */
public record Comment(CommentId id, ArticleId articleId, UserId authorId, CommentBody body, Instant createdAt,
                      Instant updatedAt) {
    public Comment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean isWrittenBy(UserId user) {
        return authorId.equals(user);
    }
}
