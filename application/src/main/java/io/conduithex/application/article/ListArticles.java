package io.conduithex.application.article;

import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.domain.article.ArticleFilter;
import io.conduithex.domain.article.ArticlePage;
import io.conduithex.domain.article.PageRequest;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.user.UserId;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Lists of articles, newest first: everyone's (filtered by tag, author or favoriting user) and a user's
 * feed. The read model answers a page and its total in one statement, so they come from one snapshot and
 * always agree.
 */
public record ListArticles(TransactionRunner transactions) {
    private static final TransactionSpec LIST = TransactionSpec.readOnly("list-articles");
    private static final TransactionSpec FEED = TransactionSpec.readOnly("feed-articles");

    @Inject
    public ListArticles {
    }

    /** @throws io.conduithex.domain.failure.AuthenticationException when the viewer no longer exists */
    public ArticlePage list(ArticleFilter filter, PageRequest page, Optional<UserId> viewer) {
        // The read model refuses a viewer who no longer exists in the page's own statement.
        return transactions.run(LIST, tx -> tx.articleReads().list(filter, page, viewer));
    }

    /** @throws io.conduithex.domain.failure.AuthenticationException when the viewer no longer exists */
    public ArticlePage feed(UserId viewer, PageRequest page) {
        return transactions.run(FEED, tx -> tx.articleReads().feed(viewer, page));
    }
}
