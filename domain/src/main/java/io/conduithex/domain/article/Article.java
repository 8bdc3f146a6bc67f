package io.conduithex.domain.article;

import io.conduithex.domain.user.UserId;
import io.conduithex.domain.validation.Required;
import java.time.Instant;
import java.util.Optional;

/**
 * An article as stored. {@code favoritesCount} is the number of users who favorited it, kept exact by the
 * repository in the same transaction as each favorite. {@code body} is null when the article was loaded for
 * a list, which never shows bodies.
 */
public record Article(ArticleId id, Slug slug, Title title, Description description, ArticleBody body, TagList tags,
                      UserId authorId, Instant createdAt, Instant updatedAt, long favoritesCount) {
    public Article {
        Required.nonNull("id", id, "slug", slug, "title", title, "description", description, "tags", tags,
                "authorId", authorId, "createdAt", createdAt, "updatedAt", updatedAt);
    }

    public Optional<ArticleBody> bodyIfLoaded() {
        return Optional.ofNullable(body);
    }

    public boolean isWrittenBy(UserId user) {
        return authorId.equals(user);
    }
}
