package io.conduithex.application.seed;

import java.util.regex.Pattern;

/**
 * What to seed: how many users, articles and comments, under which run id, in batches of how many rows.
 * Follows (about {@value #FOLLOWS_PER_USER} per user) and favorites (about {@value #FAVORITES_PER_ARTICLE} per
 * article) come in proportion. Refuses, with one line saying why, sizes that make no sense.
 *
 * @param runId names the run: every username, e-mail address and slug it generates carries it, so runs never
 *              collide, and running it again adds nothing
 */
public record SeedPlan(String runId, int users, int articles, long comments, int batchSize) {
    public static final String DEFAULT_RUN_ID = "default";
    public static final int MAX_RUN_ID_LENGTH = 20;
    public static final int MAX_USERS = 1_000_000;
    public static final int MAX_ARTICLES = 10_000_000;
    public static final long MAX_COMMENTS = 100_000_000L;
    public static final int MAX_BATCH_SIZE = 10_000;
    public static final int FOLLOWS_PER_USER = 5;
    public static final int FAVORITES_PER_ARTICLE = 3;
    // Lower-case letters and digits in hyphen-separated groups: it goes into slugs and usernames as it is.
    private static final Pattern RUN_ID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    public SeedPlan {
        if (runId == null || runId.length() > MAX_RUN_ID_LENGTH || !RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("--run-id must be 1 to " + MAX_RUN_ID_LENGTH
                    + " lower-case letters and digits, in groups joined by single hyphens, was \"" + runId + "\"");
        }
        requireWithin("--users", users, MAX_USERS);
        requireWithin("--articles", articles, MAX_ARTICLES);
        requireWithin("--comments", comments, MAX_COMMENTS);
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("--batch-size must be between 1 and " + MAX_BATCH_SIZE
                    + ", was " + batchSize);
        }
        if (articles > 0 && users == 0) {
            throw new IllegalArgumentException("--articles " + articles + " needs authors: give --users > 0");
        }
        if (comments > 0 && articles == 0) {
            throw new IllegalArgumentException("--comments " + comments + " needs articles: give --articles > 0");
        }
    }

    private static void requireWithin(String option, long value, long maximum) {
        if (value < 0 || value > maximum) {
            throw new IllegalArgumentException(option + " must be between 0 and " + maximum + ", was " + value);
        }
    }
}
