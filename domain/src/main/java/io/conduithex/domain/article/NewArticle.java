package io.conduithex.domain.article;

import io.conduithex.domain.user.UserId;
import io.conduithex.domain.validation.Required;
import java.time.Instant;

/** An article about to be stored: everything but the identity the database assigns. */
public record NewArticle(Slug slug, Title title, Description description, ArticleBody body, TagList tags,
                         UserId authorId, Instant createdAt) {
    public NewArticle {
        Required.nonNull("slug", slug, "title", title, "description", description, "body", body, "tags", tags,
                "authorId", authorId, "createdAt", createdAt);
    }

    public NewArticle withSlug(Slug other) {
        return new NewArticle(other, title, description, body, tags, authorId, createdAt);
    }
}
