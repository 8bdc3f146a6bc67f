package io.conduithex.domain.article;

/** The database identity of an article. */
public record ArticleId(long value) {
    public ArticleId {
        if (value <= 0) {
            throw new IllegalArgumentException("article id must be positive, was " + value);
        }
    }
}
