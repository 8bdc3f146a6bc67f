package io.conduithex.domain.article;

import io.conduithex.domain.user.Username;
import java.util.Optional;

/** Which articles a list shows; each present criterion narrows it. */
public record ArticleFilter(Optional<Tag> tag, Optional<Username> author, Optional<Username> favoritedBy) {
    public static final ArticleFilter ALL = new ArticleFilter(Optional.empty(), Optional.empty(), Optional.empty());

    public ArticleFilter {
        tag = tag == null ? Optional.empty() : tag;
        author = author == null ? Optional.empty() : author;
        favoritedBy = favoritedBy == null ? Optional.empty() : favoritedBy;
    }
}
