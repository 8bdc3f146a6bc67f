package io.conduithex.application.article;

import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.domain.article.ArticleFilter;
import io.conduithex.domain.article.ArticlePage;
import io.conduithex.domain.article.PageRequest;
import io.conduithex.domain.port.persistence.Isolation;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.user.UserId;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Lists of articles, newest first: everyone's (filtered by tag, author or favoriting user) and a user's
 * feed. The page and the total come from one repeatable-read snapshot, so they always agree.
 */
public final class ListArticles {
    private static final TransactionSpec LIST =
            TransactionSpec.readOnly("list-articles").withIsolation(Isolation.REPEATABLE_READ);
    private static final TransactionSpec FEED =
            TransactionSpec.readOnly("feed-articles").withIsolation(Isolation.REPEATABLE_READ);

    private final TransactionRunner transactions;

    @Inject
    public ListArticles(TransactionRunner transactions) {
        this.transactions = transactions;
    }

    public ArticlePage list(ArticleFilter filter, PageRequest page, Optional<UserId> viewer) {
        return transactions.run(LIST, tx -> {
            Articles.requireViewer(tx, viewer);
            return tx.articleReads().list(filter, page, viewer);
        });
    }

    /** @throws io.conduithex.domain.failure.AuthenticationException when the viewer no longer exists */
    public ArticlePage feed(UserId viewer, PageRequest page) {
        return transactions.run(FEED, tx -> {
            Articles.requireUser(tx, viewer);
            return tx.articleReads().feed(viewer, page);
        });
    }
}
