package io.conduithex.application.seed;

/** Rows written per table. */
public record SeedCounts(long users, long follows, long articles, long articleTags, long favorites, long comments) {
    public static final SeedCounts NONE = new SeedCounts(0, 0, 0, 0, 0, 0);

    public SeedCounts plus(SeedCounts other) {
        return new SeedCounts(users + other.users, follows + other.follows, articles + other.articles,
                articleTags + other.articleTags, favorites + other.favorites, comments + other.comments);
    }

    public long total() {
        return users + follows + articles + articleTags + favorites + comments;
    }
}
