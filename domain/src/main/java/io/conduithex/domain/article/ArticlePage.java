package io.conduithex.domain.article;

import java.util.List;

/** One page of a list of articles, and how many articles match in all (read in the same snapshot). */
public record ArticlePage(List<ArticleView> articles, long totalCount) {
    public ArticlePage {
        articles = List.copyOf(articles);
        if (totalCount < 0) {
            throw new IllegalArgumentException("totalCount must not be negative");
        }
    }
}
