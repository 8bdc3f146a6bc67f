package io.conduithex.application.article;

import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.domain.article.Article;
import io.conduithex.domain.article.ArticleId;
import io.conduithex.domain.article.ArticleView;
import io.conduithex.domain.article.Slug;
import io.conduithex.domain.failure.ConstraintViolationException;
import io.conduithex.domain.failure.NotFoundException;
import io.conduithex.domain.port.persistence.Transaction;
import io.conduithex.domain.port.persistence.UnitOfWork.TransactionalWork;
import io.conduithex.domain.user.UserId;
import java.util.Optional;

/** Look-ups the article use cases share. */
public final class Articles {
    private Articles() {
    }

    /** Slugs taken from a URL: one that could never be generated names no article. */
    public static Slug slug(String raw) {
        if (!Slug.isWellFormed(raw)) {
            throw new NotFoundException("article");
        }
        return new Slug(raw);
    }

    public static Article existing(Transaction tx, Slug slug) {
        return tx.articles().findBySlug(slug).orElseThrow(() -> new NotFoundException("article"));
    }

    /** The id of the article a slug names, for work that refers to the article without reading it. */
    public static ArticleId existingId(Transaction tx, Slug slug) {
        return tx.articles().findIdBySlug(slug).orElseThrow(() -> new NotFoundException("article"));
    }

    public static ArticleView view(Transaction tx, Slug slug, UserId viewer) {
        return tx.articleReads().view(slug, Optional.of(viewer)).orElseThrow(() -> new NotFoundException("article"));
    }

    /**
     * Runs write work that stores a row referring to an article it found. A concurrent request may delete the
     * article in between; the foreign key then refuses the row, and the article is, for the caller, not found.
     */
    public static <R> R writeReferring(TransactionRunner transactions, String useCase, TransactionalWork<R> work) {
        try {
            return transactions.write(useCase, work);
        } catch (ConstraintViolationException e) {
            if (e.kind() == ConstraintViolationException.Kind.FOREIGN_KEY) {
                throw new NotFoundException("article");
            }
            throw e;
        }
    }
}
