package io.conduithex.domain.port.persistence;

import io.conduithex.domain.article.ArticleId;
import io.conduithex.domain.comment.Comment;
import io.conduithex.domain.comment.CommentId;
import io.conduithex.domain.comment.NewComment;
import java.util.Optional;

/**
 * Comments, bound to one transaction. Inserting a comment on an article that no longer exists surfaces as a
 * {@link io.conduithex.domain.failure.ConstraintViolationException} of kind FOREIGN_KEY.
 */
public interface CommentRepository {

    Comment insert(NewComment comment);

    /** The comment with this id on this article, if both exist. */
    Optional<Comment> find(ArticleId article, CommentId id);

    boolean delete(CommentId id);
}
