package io.conduithex.application.seed;

import io.conduithex.domain.article.ArticleBody;
import io.conduithex.domain.article.Description;
import io.conduithex.domain.article.Slug;
import io.conduithex.domain.article.Tag;
import io.conduithex.domain.article.Title;
import io.conduithex.domain.comment.CommentBody;
import io.conduithex.domain.seed.SeedArticle;
import io.conduithex.domain.seed.SeedComment;
import io.conduithex.domain.seed.SeedFollow;
import io.conduithex.domain.seed.SeedUser;
import io.conduithex.domain.user.Bio;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.ImageUrl;
import io.conduithex.domain.user.PasswordHash;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.user.Username;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Generates the rows of one seed run. Deterministic: each user, each user's follows and each article comes
 * from a random generator seeded by the run id, the kind of row and its ordinal, so any range can be
 * generated again, alone, with the same result (which is what resuming an interrupted run relies on).
 *
 * <p>Shapes: authors follow a Zipf law (a few users write most articles), tags too (a few tags are on most
 * articles, 0 to 5 per article), favorites per article and follows per user a heavy-tailed Lomax law (most
 * articles have a few favorites, some have hundreds), and an article's share of its batch's comments grows
 * with its favorites.
 *
 * <p>Names are unique by construction: a username is a first name, the user's ordinal and the run id
 * ({@code maria42.default}); a slug is the title's, the article's ordinal and the run id.
 *
 * <p>Threads: {@link #knowUsers} writes; everything else only reads, so once the users are known another thread
 * may generate (after a happens-before edge such as handing it the task through an executor).
 */
final class SeedGenerator {
    private static final Duration SPAN = Duration.ofDays(730);
    private static final Duration COMMENT_DELAY = Duration.ofDays(30);
    private static final int SLUG_TITLE_LENGTH = 80;
    private static final int MAX_TAGS = 5;
    private static final int MAX_FANS = 2_000;
    private static final int MAX_FOLLOWS = 500;
    private static final long USER = 1;
    private static final long FOLLOW = 2;
    private static final long ARTICLE = 3;
    private static final long POPULARITY = 4;
    private static final long COMMENTS = 5;

    private final SeedPlan plan;
    private final long runSeed;
    private final Instant startedAt;
    private final PasswordHash passwordHash;
    private final Vocabulary vocabulary = Vocabulary.STANDARD;
    private final Zipf authors;
    private final Zipf tags;
    /** Ids of the run's users by ordinal; 0 where not yet known. */
    private final long[] userIds;

    SeedGenerator(SeedPlan plan, Instant startedAt, PasswordHash passwordHash) {
        this.plan = plan;
        this.runSeed = fnv1a(plan.runId());
        this.startedAt = startedAt;
        this.passwordHash = passwordHash;
        this.authors = plan.users() > 0 ? new Zipf(plan.users(), 1.0) : null;
        this.tags = new Zipf(vocabulary.tags.size(), 1.1);
        this.userIds = new long[plan.users()];
    }

    /** Remembers the ids the database gave users {@code from} onwards. */
    void knowUsers(int from, List<UserId> ids) {
        for (int i = 0; i < ids.size(); i++) {
            userIds[from + i] = ids.get(i).value();
        }
    }

    SeedUser user(int ordinal) {
        SplittableRandom random = random(USER, ordinal);
        String first = pick(random, vocabulary.firstNames);
        String last = pick(random, vocabulary.lastNames);
        Username username = username(first, ordinal);
        Email email = new Email(first + "." + last + "." + (ordinal + 1) + "." + plan.runId() + "@example.com");
        Bio bio = random.nextInt(10) < 7 ? new Bio(capitalized(sentence(random, 6, 16))) : null;
        ImageUrl image = random.nextBoolean()
                ? new ImageUrl("https://images.example.com/avatars/" + username.value() + ".jpg") : null;
        return new SeedUser(username, email, passwordHash, bio, image);
    }

    Username username(int ordinal) {
        return username(pick(random(USER, ordinal), vocabulary.firstNames), ordinal);
    }

    private Username username(String first, int ordinal) {
        return new Username(first + (ordinal + 1) + "." + plan.runId());
    }

    /** Whom the user with this ordinal follows: popular authors more likely, never themselves. */
    List<SeedFollow> follows(int ordinal) {
        if (plan.users() < 2) {
            return List.of();
        }
        SplittableRandom random = random(FOLLOW, ordinal);
        int wanted = (int) Math.min(Math.min(plan.users() - 1, MAX_FOLLOWS), lomax(random, SeedPlan.FOLLOWS_PER_USER));
        Set<Integer> followees = new LinkedHashSet<>();
        // Bounded: with few users and a skewed draw, a large wish may not be met; fewer follows are fine.
        for (int attempt = 0; attempt < wanted * 20 && followees.size() < wanted; attempt++) {
            int candidate = authors.sample(random);
            if (candidate != ordinal) {
                followees.add(candidate);
            }
        }
        UserId follower = userId(ordinal);
        return followees.stream().map(followee -> new SeedFollow(follower, userId(followee))).toList();
    }

    /** Comments per article of articles {@code from} to {@code to - 1}, summing to their exact share of the total. */
    int[] commentsPerArticle(int from, int to) {
        int[] counts = new int[to - from];
        long share = commentsBefore(to) - commentsBefore(from);
        if (share == 0) {
            return counts;
        }
        double[] cumulative = new double[counts.length];
        double sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += 1 + favoritesOf(from + i);
            cumulative[i] = sum;
        }
        SplittableRandom random = random(COMMENTS, from);
        for (long c = 0; c < share; c++) {
            int index = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
            counts[Math.min(index >= 0 ? index : -index - 1, counts.length - 1)]++;
        }
        return counts;
    }

    SeedArticle article(int ordinal, int comments) {
        SplittableRandom random = random(ARTICLE, ordinal);
        Title title = new Title(capitalized(words(random, 3, 8)));
        Description description = new Description(capitalized(sentence(random, 8, 18)));
        ArticleBody body = new ArticleBody(paragraphs(random));
        UserId author = userId(authors.sample(random));
        Instant createdAt = createdAt(random, ordinal);
        List<Tag> articleTags = tags(random);
        List<UserId> fans = fans(random, favoritesOf(ordinal));
        List<SeedComment> articleComments = new ArrayList<>(comments);
        long window = Math.max(1, Math.min(COMMENT_DELAY.toMillis(), startedAt.toEpochMilli() - createdAt.toEpochMilli()));
        for (int i = 0; i < comments; i++) {
            articleComments.add(new SeedComment(userId(authors.sample(random)),
                    new CommentBody(capitalized(sentences(random, 1, 3))),
                    createdAt.plusMillis(random.nextLong(window))));
        }
        return new SeedArticle(slug(title, ordinal), title, description, body, author, createdAt, articleTags, fans,
                articleComments);
    }

    private Slug slug(Title title, int ordinal) {
        String base = Slug.fromTitle(title).value();
        if (base.length() > SLUG_TITLE_LENGTH) {
            base = base.substring(0, SLUG_TITLE_LENGTH);
            while (base.endsWith("-")) {
                base = base.substring(0, base.length() - 1);
            }
        }
        // Title words hold no digits, so the first all-digit group is the ordinal and the rest the run id.
        return new Slug(base + "-" + (ordinal + 1) + "-" + plan.runId());
    }

    /** Spread over the two years before the run started, in the order of their ordinals. */
    private Instant createdAt(SplittableRandom random, int ordinal) {
        long step = Math.max(1, SPAN.toMillis() / Math.max(1, plan.articles()));
        long offset = Math.min(SPAN.toMillis() - 1, ordinal * step + random.nextLong(step));
        return startedAt.minus(SPAN).plusMillis(offset);
    }

    private List<Tag> tags(SplittableRandom random) {
        int wanted = random.nextInt(MAX_TAGS + 1);
        Set<String> names = new LinkedHashSet<>();
        for (int attempt = 0; attempt < wanted * 20 && names.size() < wanted; attempt++) {
            names.add(vocabulary.tags.get(tags.sample(random)));
        }
        return names.stream().map(Tag::new).toList();
    }

    /** {@code count} distinct users, drawn uniformly (Floyd's algorithm: one draw per user, whatever the count). */
    private List<UserId> fans(SplittableRandom random, int count) {
        Set<Integer> chosen = new HashSet<>();
        int n = plan.users();
        for (int j = n - count; j < n; j++) {
            int candidate = random.nextInt(j + 1);
            chosen.add(chosen.contains(candidate) ? j : candidate);
        }
        return chosen.stream().sorted().map(this::userId).toList();
    }

    private int favoritesOf(int ordinal) {
        return (int) Math.min(Math.min(plan.users(), MAX_FANS),
                lomax(random(POPULARITY, ordinal), SeedPlan.FAVORITES_PER_ARTICLE));
    }

    private long commentsBefore(int articleOrdinal) {
        return plan.articles() == 0 ? 0 : plan.comments() * articleOrdinal / plan.articles();
    }

    private UserId userId(int ordinal) {
        long id = userIds[ordinal];
        if (id == 0) {
            throw new IllegalStateException("the id of seeded user " + ordinal + " is not known yet");
        }
        return new UserId(id);
    }

    private String paragraphs(SplittableRandom random) {
        return joined(2 + random.nextInt(4), "\n\n", () -> capitalized(sentences(random, 3, 6)));
    }

    private String sentences(SplittableRandom random, int min, int max) {
        return joined(min + random.nextInt(max - min + 1), " ", () -> capitalized(sentence(random, 6, 14)));
    }

    private String sentence(SplittableRandom random, int min, int max) {
        return words(random, min, max) + ".";
    }

    private String words(SplittableRandom random, int min, int max) {
        return joined(min + random.nextInt(max - min + 1), " ", () -> pick(random, vocabulary.words));
    }

    /** {@code count} pieces, made in order (the random draws stay in the same sequence), between separators. */
    private static String joined(int count, String separator, Supplier<String> piece) {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(separator);
            }
            text.append(piece.get());
        }
        return text.toString();
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String pick(SplittableRandom random, List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** A Lomax (Pareto II, shape 2) draw with this mean, rounded: heavy-tailed, mostly near the mean or below. */
    private static long lomax(SplittableRandom random, double mean) {
        double uniform = 1.0 - random.nextDouble();
        return Math.round(mean * (1.0 / Math.sqrt(uniform) - 1.0));
    }

    private SplittableRandom random(long kind, long ordinal) {
        return new SplittableRandom(mix(runSeed + kind * 0x9E3779B97F4A7C15L + ordinal));
    }

    /** MurmurHash3's finalizer: neighbouring seeds give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }
}
