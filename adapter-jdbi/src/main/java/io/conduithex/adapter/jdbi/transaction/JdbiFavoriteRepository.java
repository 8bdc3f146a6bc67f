package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.domain.article.ArticleId;
import io.conduithex.domain.port.persistence.FavoriteRepository;
import io.conduithex.domain.user.UserId;

/**
 * Favorites in {@code favorites}. Triggers move {@code articles.favorites_count} and the fan's counter in
 * {@code article_counts} by exactly the rows that changed, in the same statement (migrations V4 and V6): the
 * counts can never drift from the stored favorites, and lists never count favorites row by row.
 */
record JdbiFavoriteRepository(GuardedHandle handle) implements FavoriteRepository {
    private static final String ADD = """
            INSERT INTO favorites (user_id, article_id) VALUES (:user, :article)
            ON CONFLICT DO NOTHING""";
    private static final String REMOVE = "DELETE FROM favorites WHERE user_id = :user AND article_id = :article";

    @Override
    public boolean favorite(UserId user, ArticleId article) {
        return change(ADD, user, article);
    }

    @Override
    public boolean unfavorite(UserId user, ArticleId article) {
        return change(REMOVE, user, article);
    }

    /** Applies {@code change}; whether a row changed. */
    private boolean change(String change, UserId user, ArticleId article) {
        return handle.with(h -> h.createUpdate(change)
                .bind("user", user.value())
                .bind("article", article.value())
                .execute() == 1);
    }
}
