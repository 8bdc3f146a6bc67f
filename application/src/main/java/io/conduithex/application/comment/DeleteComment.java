package io.conduithex.application.comment;

import java.util.List;
import io.conduithex.domain.audit.AuditAction;
import io.conduithex.application.audit.AuditTrail;
import io.conduithex.application.article.Articles;
import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.application.user.Callers;
import io.conduithex.domain.comment.CommentId;
import io.conduithex.domain.failure.ForbiddenException;
import io.conduithex.domain.failure.NotFoundException;
import io.conduithex.domain.user.UserId;
import jakarta.inject.Inject;

/** Deletes a comment; only its author may. */
public record DeleteComment(TransactionRunner transactions, AuditTrail audit) {
    @Inject
    public DeleteComment {
    }

    /** @param commentId the id from the URL; anything but a positive number names no comment */
    public void delete(UserId user, String slug, String commentId) {
        var name = Articles.slug(slug);
        var id = parseId(commentId);
        transactions.write("delete-comment", tx -> {
            Callers.require(tx, user);
            var article = Articles.existingId(tx, name);
            var comment = tx.comments().find(article, id).orElseThrow(() -> new NotFoundException("comment"));
            if (!comment.isWrittenBy(user)) {
                throw new ForbiddenException("only the author may delete a comment");
            }
            tx.comments().delete(id);
            audit.record(tx, user, AuditAction.COMMENT_DELETED, id.value(), List.of());
            return null;
        });
    }

    private static CommentId parseId(String raw) {
        try {
            long value = Long.parseLong(raw);
            if (value > 0) {
                return new CommentId(value);
            }
        } catch (NumberFormatException e) {
            // fall through: not an id
        }
        throw new NotFoundException("comment");
    }
}
