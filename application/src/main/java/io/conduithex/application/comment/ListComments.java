package io.conduithex.application.comment;

import io.conduithex.application.article.Articles;
import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.application.user.Callers;
import io.conduithex.domain.comment.CommentView;
import io.conduithex.domain.user.UserId;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** The comments on an article, oldest first; 404 when the article does not exist. */
public record ListComments(TransactionRunner transactions) {
    @Inject
    public ListComments {
    }

    public List<CommentView> list(Optional<UserId> viewer, String slug) {
        var name = Articles.slug(slug);
        return transactions.read("list-comments", tx -> {
            Callers.requireViewer(tx, viewer);
            Articles.existingId(tx, name);
            return tx.articleReads().comments(name, viewer);
        });
    }
}
