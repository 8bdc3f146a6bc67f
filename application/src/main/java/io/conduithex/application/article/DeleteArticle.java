package io.conduithex.application.article;

import java.util.List;
import io.conduithex.domain.audit.AuditAction;
import io.conduithex.application.audit.AuditTrail;
import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.application.user.Callers;
import io.conduithex.domain.failure.ForbiddenException;
import io.conduithex.domain.user.UserId;
import jakarta.inject.Inject;

/** Deletes an article with its comments, favorites and tag links, in one transaction; only its author may. */
public record DeleteArticle(TransactionRunner transactions, TagCache tags, AuditTrail audit) {
    @Inject
    public DeleteArticle {
    }

    public void delete(UserId user, String slug) {
        var name = Articles.slug(slug);
        // A tag only this article carried is no longer in use.
        tags.afterWriting(() -> transactions.write("delete-article", tx -> {
            Callers.require(tx, user);
            var article = Articles.existing(tx, name);
            if (!article.isWrittenBy(user)) {
                throw new ForbiddenException("only the author may delete an article");
            }
            tx.articles().delete(article.id());
            audit.record(tx, user, AuditAction.ARTICLE_DELETED, article.id().value(), List.of());
            return null;
        }));
    }
}
