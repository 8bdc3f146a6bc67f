package io.conduithex.domain.port.persistence;

import io.conduithex.domain.article.ArticleId;
import io.conduithex.domain.user.UserId;

/**
 * Which users favorited which articles, bound to one transaction. Both operations are idempotent and keep
 * the article's favorites count equal to its stored favorites, in the same transaction.
 */
public interface FavoriteRepository {

    /** Records the favorite; returns false when it already existed (and then changes nothing). */
    boolean favorite(UserId user, ArticleId article);

    /** Removes the favorite; returns false when there was none (and then changes nothing). */
    boolean unfavorite(UserId user, ArticleId article);
}
