package io.conduithex.domain.article;

import io.conduithex.domain.user.Profile;
import java.util.Objects;

/** An article as a reader sees it: with its author's profile and whether the reader favorited it. */
public record ArticleView(Article article, Profile author, boolean favorited) {
    public ArticleView {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(author, "author");
    }
}
