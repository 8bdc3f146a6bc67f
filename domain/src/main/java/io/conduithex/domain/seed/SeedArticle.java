package io.conduithex.domain.seed;

import io.conduithex.domain.article.ArticleBody;
import io.conduithex.domain.article.Description;
import io.conduithex.domain.article.Slug;
import io.conduithex.domain.article.Tag;
import io.conduithex.domain.article.Title;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.validation.Required;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * A generated article with everything that hangs off it: its tags, the users who favorited it and its
 * comments, written together so that its favorites count is exactly its favorites. Tags and favoriting users
 * are distinct.
 */
public record SeedArticle(Slug slug, Title title, Description description, ArticleBody body, UserId author,
                          Instant createdAt, List<Tag> tags, List<UserId> favoritedBy, List<SeedComment> comments) {

    public SeedArticle {
        Required.nonNull("slug", slug, "title", title, "description", description, "body", body, "author", author,
                "createdAt", createdAt);
        tags = List.copyOf(tags);
        favoritedBy = List.copyOf(favoritedBy);
        comments = List.copyOf(comments);
        if (new HashSet<>(tags).size() != tags.size()) {
            throw new IllegalArgumentException("tags repeat: " + tags);
        }
        if (new HashSet<>(favoritedBy).size() != favoritedBy.size()) {
            throw new IllegalArgumentException("a user favorites an article at most once: " + favoritedBy);
        }
    }
}
