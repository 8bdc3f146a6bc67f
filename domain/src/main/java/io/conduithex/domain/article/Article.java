package io.conduithex.domain.article;

import io.conduithex.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An article as stored. {@code favoritesCount} is the number of users who favorited it, kept exact by the
 * repository in the same transaction as each favorite. {@code body} is null when the article was loaded for
 * a list, which never shows bodies.
 */
public record Article(ArticleId id, Slug slug, Title title, Description description, ArticleBody body, TagList tags,
                      UserId authorId, Instant createdAt, Instant updatedAt, long favoritesCount) {
    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public Optional<ArticleBody> bodyIfLoaded() {
        return Optional.ofNullable(body);
    }

    public boolean isWrittenBy(UserId user) {
        return authorId.equals(user);
    }
}
