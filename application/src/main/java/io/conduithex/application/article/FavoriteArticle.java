package io.conduithex.application.article;

import java.util.List;
import io.conduithex.domain.audit.AuditAction;
import io.conduithex.application.audit.AuditTrail;
import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.application.user.Callers;
import io.conduithex.domain.article.ArticleView;
import io.conduithex.domain.user.UserId;
import jakarta.inject.Inject;

/** Favorites and unfavorites articles; both idempotent, and the count always equals the stored favorites. */
public record FavoriteArticle(TransactionRunner transactions, AuditTrail audit) {
    @Inject
    public FavoriteArticle {
    }

    public ArticleView favorite(UserId user, String slug) {
        var name = Articles.slug(slug);
        return Articles.writeReferring(transactions, "favorite-article", tx -> {
            Callers.require(tx, user);
            var article = Articles.existingId(tx, name);
            if (tx.favorites().favorite(user, article)) {
                audit.record(tx, user, AuditAction.ARTICLE_FAVORITED, article.value(), List.of());
            }
            return Articles.view(tx, name, user);
        });
    }

    public ArticleView unfavorite(UserId user, String slug) {
        var name = Articles.slug(slug);
        return transactions.write("unfavorite-article", tx -> {
            Callers.require(tx, user);
            var article = Articles.existingId(tx, name);
            if (tx.favorites().unfavorite(user, article)) {
                audit.record(tx, user, AuditAction.ARTICLE_UNFAVORITED, article.value(), List.of());
            }
            return Articles.view(tx, name, user);
        });
    }
}
