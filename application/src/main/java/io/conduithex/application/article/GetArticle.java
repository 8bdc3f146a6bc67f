package io.conduithex.application.article;

import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.application.user.Callers;
import io.conduithex.domain.article.ArticleView;
import io.conduithex.domain.failure.NotFoundException;
import io.conduithex.domain.user.UserId;
import jakarta.inject.Inject;
import java.util.Optional;

/** One article as the viewer (or an anonymous reader) sees it. */
public record GetArticle(TransactionRunner transactions) {
    @Inject
    public GetArticle {
    }

    public ArticleView get(Optional<UserId> viewer, String slug) {
        var name = Articles.slug(slug);
        return transactions.read("get-article", tx -> {
            Callers.requireViewer(tx, viewer);
            return tx.articleReads().view(name, viewer);
        }).orElseThrow(() -> new NotFoundException("article"));
    }
}
