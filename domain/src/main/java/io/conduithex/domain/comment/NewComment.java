package io.conduithex.domain.comment;

import io.conduithex.domain.article.ArticleId;
import io.conduithex.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/** A comment about to be stored. */
public record NewComment(ArticleId articleId, UserId authorId, CommentBody body, Instant createdAt) {
    public NewComment {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
