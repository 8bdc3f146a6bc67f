package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.domain.article.ArticleId;
import io.conduithex.domain.port.persistence.FavoriteRepository;
import io.conduithex.domain.user.UserId;

/**
 * Favorites in {@code favorites}. Triggers keep the counts in the same statement: V6 sets
 * {@code articles.favorites_count} to the number of the article's favorites, V4 moves the fan's counter in
 * {@code article_counts} by the rows that changed. The counts can never drift from the stored favorites, and
 * lists never count favorites row by row.
 *
 * <p>On MariaDB a change first locks the article's row for update. Otherwise the insert's foreign key check takes a
 * shared lock on that row and the trigger then wants it exclusive: two fans of one article at once each hold the
 * shared lock and wait for the other's, a deadlock that thirty of them at once turned into retries given up (503).
 * PostgreSQL's key check takes a lock that the count's update does not conflict with.
 */
record JdbiFavoriteRepository(GuardedHandle handle, ChangeLog changes, Dialect dialect)
        implements FavoriteRepository {
    private static final String ADD = """
            INSERT INTO favorites (user_id, article_id) VALUES (:user, :article)
            ON CONFLICT DO NOTHING""";
    /** See {@link InsertIfAbsent}. */
    private static final String MARIADB_ADD = """
            INSERT INTO favorites (user_id, article_id)
            SELECT :user, :article FROM DUAL
             WHERE NOT EXISTS (SELECT 1 FROM favorites WHERE user_id = :user AND article_id = :article)""";
    private static final String REMOVE = "DELETE FROM favorites WHERE user_id = :user AND article_id = :article";
    private static final String MARIADB_LOCK_ARTICLE = "SELECT id FROM articles WHERE id = :article FOR UPDATE";

    @Override
    public boolean favorite(UserId user, ArticleId article) {
        return InsertIfAbsent.run(dialect, () -> change(ADD, user, article), () -> {
            lockOnMariaDb(article);
            return change(MARIADB_ADD, user, article);
        });
    }

    @Override
    public boolean unfavorite(UserId user, ArticleId article) {
        lockOnMariaDb(article);
        return change(REMOVE, user, article);
    }

    private void lockOnMariaDb(ArticleId article) {
        if (dialect == Dialect.MARIADB) {
            handle.with(h -> h.createQuery(MARIADB_LOCK_ARTICLE).bind("article", article.value())
                    .mapTo(Long.class).findOne());
        }
    }

    /**
     * Applies {@code change}; whether a row changed. One that did changes the article's count, and the lists it
     * is on (a favoriter's list among them); a repeated favorite changes nothing anyone can see.
     */
    private boolean change(String change, UserId user, ArticleId article) {
        boolean changed = handle.with(h -> h.createUpdate(change)
                .bind("user", user.value())
                .bind("article", article.value())
                .execute() == 1);
        if (changed) {
            changes.article(handle, article);
        }
        return changed;
    }
}
