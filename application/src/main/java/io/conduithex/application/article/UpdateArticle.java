package io.conduithex.application.article;

import io.conduithex.domain.audit.AuditAction;
import io.conduithex.application.audit.AuditTrail;
import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.application.user.Callers;
import io.conduithex.domain.article.Article;
import io.conduithex.domain.article.ArticleView;
import io.conduithex.domain.failure.ForbiddenException;
import io.conduithex.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** Applies a partial update to an article; only its author may. The slug stays as it was. */
public record UpdateArticle(TransactionRunner transactions, Clock clock, TagCache tags, AuditTrail audit) {
    @Inject
    public UpdateArticle {
    }

    public ArticleView update(UserId user, String slug, ArticleUpdateCommand command) {
        var name = Articles.slug(slug);
        return tags.afterWriting(() -> transactions.write("update-article", tx -> {
            Callers.require(tx, user);
            Article current = Articles.existing(tx, name);
            if (!current.isWrittenBy(user)) {
                throw new ForbiddenException("only the author may change an article");
            }
            var updated = new Article(current.id(), current.slug(),
                    command.title().applyTo(current.title()),
                    command.description().applyTo(current.description()),
                    command.body().applyTo(current.body()),
                    command.tags().applyTo(current.tags()),
                    current.authorId(), current.createdAt(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), current.favoritesCount());
            tx.articles().update(updated);
            audit.record(tx, user, AuditAction.ARTICLE_UPDATED, current.id().value(), command.changedFields());
            return Articles.view(tx, name, user);
        }));
    }
}
