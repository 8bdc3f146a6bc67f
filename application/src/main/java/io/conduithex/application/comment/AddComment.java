package io.conduithex.application.comment;

import java.util.List;
import io.conduithex.domain.audit.AuditAction;
import io.conduithex.application.audit.AuditTrail;
import io.conduithex.application.article.Articles;
import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.application.user.Callers;
import io.conduithex.domain.comment.CommentView;
import io.conduithex.domain.comment.NewComment;
import io.conduithex.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Adds a comment to an article. If the article is deleted between the look-up and the insert, the foreign
 * key refuses the comment and the caller gets "article not found", as if it had been gone from the start.
 */
public record AddComment(TransactionRunner transactions, Clock clock, AuditTrail audit) {
    @Inject
    public AddComment {
    }

    public CommentView add(UserId author, String slug, CommentCommand command) {
        var name = Articles.slug(slug);
        return Articles.writeReferring(transactions, "add-comment", tx -> {
            var writer = Callers.require(tx, author);
            var article = Articles.existingId(tx, name);
            var comment = tx.comments().insert(new NewComment(article, author, command.body(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS)));
            audit.record(tx, author, AuditAction.COMMENT_ADDED, comment.id().value(), List.of("body"));
            return new CommentView(comment, writer.profileAsSeenBy(false));
        });
    }
}
