package io.conduithex.application.article;

import io.conduithex.domain.audit.AuditAction;
import io.conduithex.application.audit.AuditTrail;
import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.application.user.Callers;
import io.conduithex.domain.article.Article;
import io.conduithex.domain.article.ArticleView;
import io.conduithex.domain.article.NewArticle;
import io.conduithex.domain.article.Slug;
import io.conduithex.domain.failure.ConstraintViolationException;
import io.conduithex.domain.port.persistence.ArticleRepository;
import io.conduithex.domain.port.persistence.Transaction;
import io.conduithex.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Publishes an article. Its slug comes from the title; when another article already has that slug, the
 * unique constraint says so and a random suffix is tried instead, under a savepoint so the rest of the
 * transaction survives the clash. Twenty concurrent articles with one title get twenty distinct slugs.
 */
public record CreateArticle(TransactionRunner transactions, Clock clock, TagCache tags, AuditTrail audit) {
    private static final int SLUG_ATTEMPTS = 8;
    private static final String SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    @Inject
    public CreateArticle {
    }

    public ArticleView create(UserId author, ArticleCommand command) {
        return tags.afterWriting(() -> transactions.write("create-article", tx -> {
            Callers.require(tx, author);
            var candidate = new NewArticle(Slug.fromTitle(command.title()), command.title(), command.description(),
                    command.body(), command.tags(), author, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            Article stored = insertWithFreeSlug(tx, candidate);
            audit.record(tx, author, AuditAction.ARTICLE_CREATED, stored.id().value(), command.fieldNames());
            return Articles.view(tx, stored.slug(), author);
        }));
    }

    private static Article insertWithFreeSlug(Transaction tx, NewArticle candidate) {
        Slug base = candidate.slug();
        NewArticle attempt = candidate;
        for (int i = 1; ; i++) {
            NewArticle current = attempt;
            try {
                return tx.inSavepoint(sp -> sp.articles().insert(current));
            } catch (ConstraintViolationException e) {
                if (!e.isUniqueOn(ArticleRepository.TABLE, ArticleRepository.SLUG) || i == SLUG_ATTEMPTS) {
                    throw e;
                }
                attempt = candidate.withSlug(base.withSuffix(randomSuffix()));
            }
        }
    }

    private static String randomSuffix() {
        var random = ThreadLocalRandom.current();
        var suffix = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            suffix.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
        }
        return suffix.toString();
    }
}
