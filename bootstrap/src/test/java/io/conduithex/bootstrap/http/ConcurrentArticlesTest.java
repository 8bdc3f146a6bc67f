package io.conduithex.bootstrap.http;

import static io.conduithex.bootstrap.http.ArticlesApiTest.texts;
import static io.conduithex.bootstrap.http.ConduitApi.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.http.ConduitApi.Account;
import io.conduithex.bootstrap.http.ConduitApi.Reply;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Requests that race each other on one article, over real sockets and real threads, released by one latch. */
class ConcurrentArticlesTest extends ConduitApiTest {


    @Test
    void twentySimultaneousArticlesWithOneTitleGetTwentyDistinctSlugs() throws Exception {
        List<Reply> replies = race(20, i -> () -> api.createArticle(jake.token(),
                article("Racing dragons", "Racer " + i, "Body " + i)));

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.body()).isEqualTo(201));
        var slugs = replies.stream().map(reply -> reply.at("/article/slug")).toList();
        assertThat(slugs).doesNotHaveDuplicates().allMatch(slug -> slug.startsWith("racing-dragons"))
                .contains("racing-dragons");
        assertThat(api.articles("?limit=100", null).json().get("articlesCount").asLong()).isEqualTo(20);
        for (String slug : slugs) {
            assertThat(api.article(slug, null).status()).isEqualTo(200);
        }
    }

    @Test
    void twentySimultaneousArticlesIntroducingOneNewTagAllSucceedAndTheTagIsListedOnce() throws Exception {
        List<Reply> replies = race(20, i -> () -> api.createArticle(jake.token(),
                article("Article " + i, "D", "B", "brand-new", "own-" + i)));

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.body()).isEqualTo(201));
        assertThat(replies).allSatisfy(reply -> assertThat(texts(reply.json().at("/article/tagList")))
                .contains("brand-new"));
        var tags = texts(api.tags().json().get("tags"));
        assertThat(tags).filteredOn("brand-new"::equals).hasSize(1);
        assertThat(tags).hasSize(21);
        assertThat(api.articles("?tag=brand-new&limit=100", null).json().get("articlesCount").asLong()).isEqualTo(20);
        assertThat(count("SELECT count(*) FROM tags WHERE name = 'brand-new'")).isEqualTo(1);
    }

    @Test
    void thirtyUsersFavoritingOneArticleAtOnceCountThirty() throws Exception {
        String slug = api.givenAnArticleBy(jake, "Popular");
        var fans = new ArrayList<Account>();
        for (int i = 0; i < 30; i++) {
            fans.add(api.registered("fan" + i));
        }

        List<Reply> replies = race(fans.size(), i -> () -> api.favorite(slug, fans.get(i).token()));

        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.json().at("/article/favorited").asBoolean()).isTrue();
        });
        assertThat(api.article(slug, null).json().at("/article/favoritesCount").asLong()).isEqualTo(30);
        assertThat(count("SELECT count(*) FROM favorites f JOIN articles a ON a.id = f.article_id"
                + " WHERE a.slug = '" + slug + "'")).isEqualTo(30);
        assertThat(count("SELECT favorites_count FROM articles WHERE slug = '" + slug + "'")).isEqualTo(30);
    }

    @Test
    void thirtyUsersFavoritingAndUnfavoritingAtOnceLeaveTheCountEqualToTheRows() throws Exception {
        String slug = api.givenAnArticleBy(jake, "Popular");
        var fans = new ArrayList<Account>();
        for (int i = 0; i < 30; i++) {
            fans.add(api.registered("fan" + i));
            if (i % 2 == 0) {
                api.favorite(slug, fans.get(i).token());
            }
        }

        // The even fans, who had favorited, take it back while the odd ones favorite: 15 favorites remain.
        List<Reply> replies = race(fans.size(), i -> () -> i % 2 == 0
                ? api.unfavorite(slug, fans.get(i).token())
                : api.favorite(slug, fans.get(i).token()));

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.body()).isEqualTo(200));
        assertThat(api.article(slug, null).json().at("/article/favoritesCount").asLong()).isEqualTo(15);
        assertThat(count("SELECT count(*) FROM favorites")).isEqualTo(15);
        assertThat(count("SELECT favorites_count FROM articles WHERE slug = '" + slug + "'")).isEqualTo(15);
    }

    @Test
    void commentsRacingTheDeletionOfTheirArticleAreEither201Or404() throws Exception {
        String slug = api.givenAnArticleBy(jake, "Doomed");
        var commenter = api.registered("commenter");

        List<Reply> replies = race(21, i -> () -> i == 0
                ? api.deleteArticle(jake.token(), slug)
                : api.addComment(commenter.token(), slug, "Comment " + i));

        assertThat(replies.get(0).status()).as(replies.get(0).body()).isEqualTo(204);
        assertThat(replies.subList(1, replies.size())).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.body()).isIn(201, 404);
            if (reply.status() == 404) {
                assertThat(reply.body()).isEqualTo("{\"errors\":{\"article\":[\"not found\"]}}");
            }
        });
        assertThat(api.article(slug, null).status()).isEqualTo(404);
        assertThat(api.comments(slug, null).status()).isEqualTo(404);
        assertThat(count("SELECT count(*) FROM comments")).as("no comment outlives its article").isZero();
    }

    /**
     * Runs {@code racers} tasks on as many threads, all released at once, and returns their results in
     * order. Every wait is bounded.
     */
    private static <T> List<T> race(int racers, IntFunction<Callable<T>> task) throws Exception {
        var ready = new CountDownLatch(racers);
        var go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<T> work = task.apply(i);
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    assertThat(go.await(10, TimeUnit.SECONDS)).isTrue();
                    return work.call();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).as("all racers ready").isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
            assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** A single number read straight from the database under the application. */
    private long count(String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(app.databaseUrl());
             var statement = connection.createStatement();
             var result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getLong(1);
        }
    }
}
