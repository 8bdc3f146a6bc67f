package io.conduithex.bootstrap.http;

import static io.conduithex.bootstrap.http.ApiTest.texts;
import static io.conduithex.bootstrap.http.ConduitApi.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.http.ConduitApi.Account;
import io.conduithex.bootstrap.http.ConduitApi.Reply;
import io.conduithex.testsupport.ApplicationExtension;
import io.conduithex.testsupport.kit.Race;
import io.conduithex.testsupport.kit.StoredRows;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests that race each other on one article, over real sockets and real threads released by one start
 * gate, checked against the rows stored afterwards. Written once, run on every database by a subclass that
 * starts the application on it.
 */
abstract class ArticleRaces extends OnEveryDatabase {
    private static final int FANS = 100;

    ConduitApi api;
    StoredRows rows;
    Account jake;

    ArticleRaces(ApplicationExtension app) {
        super(app);
    }

    @BeforeEach
    final void connectAndRegisterJake() {
        api = new ConduitApi(app().baseUri());
        rows = StoredRows.of(app().database());
        jake = api.registered("jake");
    }

    @AfterEach
    final void noRequestFailedWithAServerError() {
        api.assertNoServerErrors();
    }

    @Test
    void twentySimultaneousArticlesWithOneTitleGetTwentyDistinctSlugs() throws Exception {
        List<Reply> replies = Race.run(20, i -> () -> api.createArticle(jake.token(),
                article("Racing dragons", "Racer " + i, "Body " + i)));

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.body()).isEqualTo(201));
        var slugs = replies.stream().map(reply -> reply.at("/article/slug")).toList();
        assertThat(slugs).doesNotHaveDuplicates().allMatch(slug -> slug.startsWith("racing-dragons"))
                .contains("racing-dragons");
        assertThat(rows.count("SELECT count(DISTINCT slug) FROM articles")).isEqualTo(20);
        assertThat(api.articles("?limit=100", null).json().get("articlesCount").asLong()).isEqualTo(20);
        for (String slug : slugs) {
            assertThat(api.article(slug, null).status()).isEqualTo(200);
        }
        assertEveryCountMatchesTheRows(List.of(), List.of(jake));
    }

    @Test
    void twentySimultaneousArticlesIntroducingOneNewTagAllSucceedAndStoreTheTagOnce() throws Exception {
        List<Reply> replies = Race.run(20, i -> () -> api.createArticle(jake.token(),
                article("Article " + i, "D", "B", "brand-new", "own-" + i)));

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.body()).isEqualTo(201));
        assertThat(replies).allSatisfy(reply -> assertThat(texts(reply.json().at("/article/tagList")))
                .contains("brand-new"));
        assertThat(rows.count("SELECT count(*) FROM tags WHERE name = ?", "brand-new")).isEqualTo(1);
        assertThat(rows.count("SELECT count(*) FROM article_tags at JOIN tags t ON t.id = at.tag_id"
                + " WHERE t.name = ?", "brand-new")).isEqualTo(20);
        var tags = texts(api.tags().json().get("tags"));
        assertThat(tags).filteredOn("brand-new"::equals).hasSize(1);
        assertThat(tags).hasSize(21);
        assertThat(api.articles("?tag=brand-new&limit=100", null).json().get("articlesCount").asLong()).isEqualTo(20);
        assertEveryCountMatchesTheRows(tags, List.of(jake));
    }

    @Test
    void aHundredUsersFavoritingOneArticleAtOnceCountAHundred() throws Exception {
        String slug = api.givenAnArticleBy(jake, "Popular");
        List<Account> fans = Race.run(FANS, i -> () -> api.registered("fan" + i));

        List<Reply> replies = Race.run(FANS, i -> () -> api.favorite(slug, fans.get(i).token()));

        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.json().at("/article/favorited").asBoolean()).isTrue();
        });
        assertThat(api.article(slug, null).json().at("/article/favoritesCount").asLong()).isEqualTo(FANS);
        assertThat(favoriteRowsOf(slug)).isEqualTo(FANS);
        assertThat(storedFavoritesCountOf(slug)).isEqualTo(FANS);
        assertEveryCountMatchesTheRows(List.of(), withJake(fans));
    }

    @Test
    void thirtyUsersFavoritingAndUnfavoritingAtOnceLeaveTheCountEqualToTheRows() throws Exception {
        String slug = api.givenAnArticleBy(jake, "Popular");
        List<Account> fans = Race.run(30, i -> () -> api.registered("fan" + i));
        for (int i = 0; i < fans.size(); i += 2) {
            assertThat(api.favorite(slug, fans.get(i).token()).status()).isEqualTo(200);
        }

        // The even fans, who had favorited, take it back while the odd ones favorite: 15 favorites remain.
        List<Reply> replies = Race.run(fans.size(), i -> () -> i % 2 == 0
                ? api.unfavorite(slug, fans.get(i).token())
                : api.favorite(slug, fans.get(i).token()));

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.body()).isEqualTo(200));
        assertThat(api.article(slug, null).json().at("/article/favoritesCount").asLong()).isEqualTo(15);
        assertThat(favoriteRowsOf(slug)).isEqualTo(15);
        assertThat(storedFavoritesCountOf(slug)).isEqualTo(15);
        assertEveryCountMatchesTheRows(List.of(), withJake(fans));
    }

    @Test
    void oneUserFavoritingAndUnfavoritingAtOnceEndsInAStateTheRowsAgreeWith() throws Exception {
        String slug = api.givenAnArticleBy(jake, "Fickle");
        var fan = api.registered("fickle");

        List<Reply> replies = Race.run(40, i -> () -> i % 2 == 0
                ? api.favorite(slug, fan.token())
                : api.unfavorite(slug, fan.token()));

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.body()).isEqualTo(200));
        long stored = favoriteRowsOf(slug);
        assertThat(stored).isBetween(0L, 1L);
        var seenByFan = api.article(slug, fan.token()).json().get("article");
        assertThat(seenByFan.get("favorited").asBoolean()).isEqualTo(stored == 1);
        assertThat(seenByFan.get("favoritesCount").asLong()).isEqualTo(stored);
        assertThat(storedFavoritesCountOf(slug)).isEqualTo(stored);
        assertEveryCountMatchesTheRows(List.of(), List.of(jake, fan));
    }

    @Test
    void commentsRacingTheDeletionOfTheirArticleAreEither201Or404() throws Exception {
        String slug = api.givenAnArticleBy(jake, "Doomed");
        var commenter = api.registered("commenter");

        List<Reply> replies = Race.run(21, i -> () -> i == 0
                ? api.deleteArticle(jake.token(), slug)
                : api.addComment(commenter.token(), slug, "Comment " + i));

        assertThat(replies.get(0).status()).as(replies.get(0).body()).isEqualTo(204);
        assertThat(replies.subList(1, replies.size())).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.body()).isIn(201, 404);
            if (reply.status() == 404) {
                assertThat(reply.body()).isEqualTo(reply.errorBody("{\"article\":[\"not found\"]}"));
            }
        });
        assertThat(api.article(slug, null).status()).isEqualTo(404);
        assertThat(api.comments(slug, null).status()).isEqualTo(404);
        assertThat(rows.count("SELECT count(*) FROM comments")).as("no comment outlives its article").isZero();
    }

    @Test
    void deletionsRacingFavoritesAndNewArticlesLeaveEveryCountEqualToTheRows() throws Exception {
        var reader = api.registered("reader");
        assertThat(api.follow(jake.username(), reader.token()).status()).isEqualTo(200);
        List<String> doomed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            doomed.add(api.givenAnArticleBy(jake, "Doomed " + i, "doomed", "shared"));
        }
        List<Account> fans = Race.run(10, i -> () -> api.registered("fan" + i));

        // Each doomed article is deleted while a fan favorites it and while new articles share its tag: the
        // cascades and the inserts move the same counters at once.
        List<Reply> replies = Race.run(30, i -> () -> i < 10
                ? api.deleteArticle(jake.token(), doomed.get(i))
                : i < 20
                ? api.favorite(doomed.get(i - 10), fans.get(i - 10).token())
                : api.createArticle(jake.token(), article("Survivor " + i, "D", "B", "shared")));

        assertThat(replies.subList(0, 10)).allSatisfy(reply -> assertThat(reply.status()).as(reply.body())
                .isEqualTo(204));
        // A favorite that finds the article and then loses it to the delete before its insert is refused by
        // the foreign key, and answered 404 like a comment in the same race. Either way nothing is stored.
        assertThat(replies.subList(10, 20)).allSatisfy(reply -> assertThat(reply.status()).as(reply.body())
                .isIn(200, 404));
        assertThat(replies.subList(20, 30)).allSatisfy(reply -> assertThat(reply.status()).as(reply.body())
                .isEqualTo(201));
        assertThat(rows.count("SELECT count(*) FROM articles")).isEqualTo(10);
        assertThat(rows.count("SELECT count(*) FROM favorites")).isZero();
        assertEveryCountMatchesTheRows(List.of("doomed", "shared"), withJake(fans, reader));
        assertThat(api.feed("?limit=1", reader.token()).json().get("articlesCount").asLong()).isEqualTo(10);
    }

    /**
     * Each list's articlesCount as the API answers it (all, by tag, by author, favorited by, and each user's
     * feed) against count(*) of the stored rows it stands for, read with plain SQL after the race.
     */
    private void assertEveryCountMatchesTheRows(List<String> tags, List<Account> users) {
        assertThat(articlesCount(api.articles("?limit=1", null))).as("all articles")
                .isEqualTo(rows.count("SELECT count(*) FROM articles"));
        for (String tag : tags) {
            assertThat(articlesCount(api.articles("?limit=1&tag=" + tag, null))).as("tag %s", tag)
                    .isEqualTo(rows.count("SELECT count(*) FROM article_tags at JOIN tags t ON t.id = at.tag_id"
                            + " WHERE t.name = ?", tag));
        }
        for (Account user : users) {
            String name = user.username();
            assertThat(articlesCount(api.articles("?limit=1&author=" + name, null))).as("author %s", name)
                    .isEqualTo(rows.count("SELECT count(*) FROM articles a JOIN users u ON u.id = a.author_id"
                            + " WHERE u.username = ?", name));
            assertThat(articlesCount(api.articles("?limit=1&favorited=" + name, null))).as("favorited by %s", name)
                    .isEqualTo(rows.count("SELECT count(*) FROM favorites f JOIN users u ON u.id = f.user_id"
                            + " WHERE u.username = ?", name));
            assertThat(articlesCount(api.feed("?limit=1", user.token()))).as("feed of %s", name)
                    .isEqualTo(rows.count("SELECT count(*) FROM articles a"
                            + " JOIN follows f ON f.followee_id = a.author_id"
                            + " JOIN users u ON u.id = f.follower_id WHERE u.username = ?", name));
        }
    }

    private static long articlesCount(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("articlesCount").asLong();
    }

    private List<Account> withJake(List<Account> others, Account... more) {
        List<Account> all = new ArrayList<>(others);
        all.add(jake);
        all.addAll(List.of(more));
        return all;
    }

    private long favoriteRowsOf(String slug) {
        return rows.count("SELECT count(*) FROM favorites f JOIN articles a ON a.id = f.article_id WHERE a.slug = ?",
                slug);
    }

    private long storedFavoritesCountOf(String slug) {
        return rows.count("SELECT favorites_count FROM articles WHERE slug = ?", slug);
    }
}
