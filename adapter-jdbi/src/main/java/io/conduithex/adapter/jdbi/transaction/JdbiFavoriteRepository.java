package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.domain.article.ArticleId;
import io.conduithex.domain.port.persistence.FavoriteRepository;
import io.conduithex.domain.user.UserId;

/**
 * Favorites in {@code favorites}, with {@code articles.favorites_count} moved by exactly the rows that
 * changed, in the same transaction: the count can never drift from the stored favorites, and lists never
 * count favorites row by row. On PostgreSQL the row and the count move in one statement (a data-modifying
 * WITH), one round trip; SQLite, which has no such statement, runs two in-process statements.
 */
public final class JdbiFavoriteRepository implements FavoriteRepository {
    private static final String ADD = """
            INSERT INTO favorites (user_id, article_id) VALUES (:user, :article)
            ON CONFLICT DO NOTHING""";
    private static final String REMOVE = "DELETE FROM favorites WHERE user_id = :user AND article_id = :article";
    private static final String MOVE_COUNT =
            "UPDATE articles SET favorites_count = favorites_count + :delta WHERE id = :article";

    private final GuardedHandle handle;
    private final Dialect dialect;

    public JdbiFavoriteRepository(GuardedHandle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public boolean favorite(UserId user, ArticleId article) {
        return change(ADD + " RETURNING article_id", ADD, user, article, +1);
    }

    @Override
    public boolean unfavorite(UserId user, ArticleId article) {
        return change(REMOVE + " RETURNING article_id", REMOVE, user, article, -1);
    }

    /** Applies {@code change} and moves the count by {@code delta} when a row changed; whether one did. */
    private boolean change(String returning, String change, UserId user, ArticleId article, int delta) {
        return handle.with(h -> {
            if (dialect == Dialect.POSTGRESQL) {
                return h.createUpdate("WITH changed AS (" + returning + ")"
                                + " UPDATE articles SET favorites_count = favorites_count + :delta"
                                + " WHERE id IN (SELECT article_id FROM changed)")
                        .bind("user", user.value())
                        .bind("article", article.value())
                        .bind("delta", delta)
                        .execute() == 1;
            }
            int changed = h.createUpdate(change)
                    .bind("user", user.value())
                    .bind("article", article.value())
                    .execute();
            if (changed == 1) {
                h.createUpdate(MOVE_COUNT)
                        .bind("delta", delta)
                        .bind("article", article.value())
                        .execute();
            }
            return changed == 1;
        });
    }
}
