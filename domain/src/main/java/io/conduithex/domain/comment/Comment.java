package io.conduithex.domain.comment;

import io.conduithex.domain.article.ArticleId;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.validation.Required;
import java.time.Instant;

/** A comment on an article. */
public record Comment(CommentId id, ArticleId articleId, UserId authorId, CommentBody body, Instant createdAt,
                      Instant updatedAt) {
    public Comment {
        Required.nonNull("id", id, "articleId", articleId, "authorId", authorId, "body", body, "createdAt", createdAt,
                "updatedAt", updatedAt);
    }

    public boolean isWrittenBy(UserId user) {
        return authorId.equals(user);
    }
}
