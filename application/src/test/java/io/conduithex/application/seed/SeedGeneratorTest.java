package io.conduithex.application.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.domain.article.Slug;
import io.conduithex.domain.seed.SeedArticle;
import io.conduithex.domain.seed.SeedFollow;
import io.conduithex.domain.seed.SeedUser;
import io.conduithex.domain.user.PasswordHash;
import io.conduithex.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeedGeneratorTest {
    private static final Instant STARTED = Instant.parse("2026-06-01T12:00:00Z");
    private static final PasswordHash HASH = new PasswordHash("hash");

    @Test
    void theSameRunIdGivesTheSameRowsAndAnotherRunIdDisjointNames() {
        var plan = new SeedPlan("a", 50, 100, 200, 1000);
        var again = new SeedPlan("a", 50, 100, 200, 1000);
        var other = new SeedPlan("a-1", 50, 100, 200, 1000);

        assertThat(articles(generator(again), again)).isEqualTo(articles(generator(plan), plan));
        assertThat(users(generator(again), again)).isEqualTo(users(generator(plan), plan));

        Set<String> names = names(users(generator(plan), plan), user -> user.username().normalized());
        Set<String> otherNames = names(users(generator(other), other), user -> user.username().normalized());
        Set<String> emails = names(users(generator(plan), plan), user -> user.email().normalized());
        Set<String> otherEmails = names(users(generator(other), other), user -> user.email().normalized());
        Set<String> slugs = names(articles(generator(plan), plan), article -> article.slug().value());
        Set<String> otherSlugs = names(articles(generator(other), other), article -> article.slug().value());
        assertThat(names).hasSize(50).doesNotContainAnyElementsOf(otherNames);
        assertThat(emails).hasSize(50).doesNotContainAnyElementsOf(otherEmails);
        assertThat(slugs).hasSize(100).doesNotContainAnyElementsOf(otherSlugs).allMatch(Slug::isWellFormed);
    }

    @Test
    void commentsAddUpToTheAskedTotalWhateverTheBatchSize() {
        var plan = new SeedPlan("b", 10, 97, 1_001, 1000);
        var generator = generator(plan);

        for (int batch : new int[] {1, 7, 13, 97}) {
            long total = 0;
            for (int from = 0; from < plan.articles(); from += batch) {
                total += Arrays.stream(generator.commentsPerArticle(from, Math.min(plan.articles(), from + batch)))
                        .sum();
            }
            assertThat(total).as("batches of %d", batch).isEqualTo(1_001);
        }
    }

    @Test
    void proportionsAreAboutThreeFavoritesPerArticleAndFivefollowsPerUserWithSkewedAuthorsAndTags() {
        var plan = new SeedPlan("c", 2_000, 4_000, 0, 1000);
        var generator = generator(plan);
        List<SeedArticle> articles = articles(generator, plan);
        List<SeedFollow> follows = IntStream.range(0, plan.users()).boxed()
                .flatMap(ordinal -> generator.follows(ordinal).stream()).toList();

        double favoritesPerArticle = articles.stream().mapToInt(a -> a.favoritedBy().size()).average().orElseThrow();
        double followsPerUser = follows.size() / (double) plan.users();
        assertThat(favoritesPerArticle).isBetween(2.0, 4.0);
        assertThat(followsPerUser).isBetween(3.5, 6.5);
        assertThat(follows).allSatisfy(follow -> assertThat(follow.follower()).isNotEqualTo(follow.followee()));
        assertThat(new HashSet<>(follows)).hasSize(follows.size());
        assertThat(articles).allSatisfy(article -> assertThat(article.tags()).hasSizeLessThanOrEqualTo(5));

        Map<UserId, Long> byAuthor = articles.stream()
                .collect(Collectors.groupingBy(SeedArticle::author, Collectors.counting()));
        long mostProlific = byAuthor.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(mostProlific).as("the busiest author writes far more than an even share of 2")
                .isGreaterThan(100);
        Map<String, Long> byTag = articles.stream().flatMap(a -> a.tags().stream())
                .collect(Collectors.groupingBy(tag -> tag.value(), Collectors.counting()));
        assertThat(byTag.get("programming")).isGreaterThan(10 * byTag.getOrDefault("history", 0L));
        int mostFavorited = articles.stream().mapToInt(a -> a.favoritedBy().size()).max().orElseThrow();
        assertThat(mostFavorited).as("a few articles are far more popular than the average").isGreaterThan(30);
    }

    private static SeedGenerator generator(SeedPlan plan) {
        var generator = new SeedGenerator(plan, STARTED, HASH);
        generator.knowUsers(0, IntStream.rangeClosed(1, plan.users()).mapToObj(UserId::new).toList());
        return generator;
    }

    private static List<SeedUser> users(SeedGenerator generator, SeedPlan plan) {
        return IntStream.range(0, plan.users()).mapToObj(generator::user).toList();
    }

    private static List<SeedArticle> articles(SeedGenerator generator, SeedPlan plan) {
        List<SeedArticle> articles = new ArrayList<>();
        int[] comments = generator.commentsPerArticle(0, plan.articles());
        for (int ordinal = 0; ordinal < plan.articles(); ordinal++) {
            articles.add(generator.article(ordinal, comments[ordinal]));
        }
        assertThat(articles).allSatisfy(article -> assertThat(article.createdAt()).isBefore(STARTED));
        return articles;
    }

    private static <T> Set<String> names(List<T> items, Function<T, String> name) {
        return items.stream().map(name).collect(Collectors.toSet());
    }
}
