package io.conduithex.domain.article;

import io.conduithex.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/** An article about to be stored: everything but the identity the database assigns. */
public record NewArticle(Slug slug, Title title, Description description, ArticleBody body, TagList tags,
                         UserId authorId, Instant createdAt) {
    public NewArticle {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public NewArticle withSlug(Slug other) {
        return new NewArticle(other, title, description, body, tags, authorId, createdAt);
    }
}
