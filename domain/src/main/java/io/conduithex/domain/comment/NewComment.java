package io.conduithex.domain.comment;

import io.conduithex.domain.article.ArticleId;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.validation.Required;
import java.time.Instant;

/** A comment about to be stored. */
public record NewComment(ArticleId articleId, UserId authorId, CommentBody body, Instant createdAt) {
    public NewComment {
        Required.nonNull("articleId", articleId, "authorId", authorId, "body", body, "createdAt", createdAt);
    }
}
