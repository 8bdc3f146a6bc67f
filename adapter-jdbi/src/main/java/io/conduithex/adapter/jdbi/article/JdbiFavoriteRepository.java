package io.conduithex.adapter.jdbi.article;

import io.conduithex.adapter.jdbi.transaction.GuardedHandle;
import io.conduithex.domain.article.ArticleId;
import io.conduithex.domain.port.persistence.FavoriteRepository;
import io.conduithex.domain.user.UserId;

/**
 * Favorites in {@code favorites}, with {@code articles.favorites_count} moved by exactly the rows that
 * changed, in the same transaction: the count can never drift from the stored favorites, and lists never
 * count favorites row by row.
 */
public final class JdbiFavoriteRepository implements FavoriteRepository {
    private final GuardedHandle handle;

    public JdbiFavoriteRepository(GuardedHandle handle) {
        this.handle = handle;
    }

    @Override
    public boolean favorite(UserId user, ArticleId article) {
        return handle.with(h -> {
            int inserted = h.createUpdate("""
                            INSERT INTO favorites (user_id, article_id) VALUES (:user, :article)
                            ON CONFLICT DO NOTHING""")
                    .bind("user", user.value())
                    .bind("article", article.value())
                    .execute();
            if (inserted == 1) {
                adjustCount(h, article, +1);
            }
            return inserted == 1;
        });
    }

    @Override
    public boolean unfavorite(UserId user, ArticleId article) {
        return handle.with(h -> {
            int deleted = h.createUpdate("DELETE FROM favorites WHERE user_id = :user AND article_id = :article")
                    .bind("user", user.value())
                    .bind("article", article.value())
                    .execute();
            if (deleted == 1) {
                adjustCount(h, article, -1);
            }
            return deleted == 1;
        });
    }

    private static void adjustCount(org.jdbi.v3.core.Handle h, ArticleId article, int delta) {
        h.createUpdate("UPDATE articles SET favorites_count = favorites_count + :delta WHERE id = :article")
                .bind("delta", delta)
                .bind("article", article.value())
                .execute();
    }
}
