package io.conduithex.application.article;

import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.application.user.Callers;
import io.conduithex.domain.article.ArticleView;
import io.conduithex.domain.user.UserId;
import jakarta.inject.Inject;

/** Favorites and unfavorites articles; both idempotent, and the count always equals the stored favorites. */
public record FavoriteArticle(TransactionRunner transactions) {
    @Inject
    public FavoriteArticle {
    }

    public ArticleView favorite(UserId user, String slug) {
        var name = Articles.slug(slug);
        return Articles.writeReferring(transactions, "favorite-article", tx -> {
            Callers.require(tx, user);
            tx.favorites().favorite(user, Articles.existingId(tx, name));
            return Articles.view(tx, name, user);
        });
    }

    public ArticleView unfavorite(UserId user, String slug) {
        var name = Articles.slug(slug);
        return transactions.write("unfavorite-article", tx -> {
            Callers.require(tx, user);
            tx.favorites().unfavorite(user, Articles.existingId(tx, name));
            return Articles.view(tx, name, user);
        });
    }
}
