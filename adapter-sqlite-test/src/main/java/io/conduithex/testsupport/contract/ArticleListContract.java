package io.conduithex.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.domain.article.Article;
import io.conduithex.domain.article.ArticleFilter;
import io.conduithex.domain.article.ArticlePage;
import io.conduithex.domain.article.PageRequest;
import io.conduithex.domain.article.Tag;
import io.conduithex.domain.article.TagList;
import io.conduithex.domain.port.persistence.ArticleReadModel;
import io.conduithex.domain.user.User;
import io.conduithex.domain.user.Username;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Lists of articles through {@link ArticleReadModel}: newest first, filters, windows, and counts that always equal
 * the stored rows.
 */
public abstract class ArticleListContract extends ArticleReadModelContract {

    @Test
    void a_list_shows_the_newest_first_and_the_later_inserted_first_among_equally_old() {
        User jake = registered("jake");
        Instant noon = Instant.parse("2024-03-01T12:00:00Z");
        givenAnArticleBy(jake, "Oldest", noon.minusSeconds(60));
        givenAnArticleBy(jake, "Newest", noon.plusSeconds(60));
        givenAnArticleBy(jake, "Noon first", noon);
        givenAnArticleBy(jake, "Noon second", noon);

        assertThat(titles(list(ArticleFilter.ALL, PageRequest.FIRST, ANONYMOUS)))
                .containsExactly("Newest", "Noon second", "Noon first", "Oldest");
    }

    @Test
    void a_list_filtered_by_tag_shows_only_articles_with_that_tag() {
        User jake = registered("jake");
        givenAnArticleBy(jake, "Dragons", "dragons", "training");
        givenAnArticleBy(jake, "Cats", "cats");
        givenAnArticleBy(jake, "Dragon cats", "cats", "dragons");

        ArticlePage page = list(byTag("dragons"), PageRequest.FIRST, ANONYMOUS);

        assertThat(titles(page)).containsExactly("Dragon cats", "Dragons");
        assertThat(page.totalCount()).isEqualTo(2);
        assertThat(page.articles().get(0).article().tags().names()).containsExactly("cats", "dragons");
        assertThat(list(byTag("unicorns"), PageRequest.FIRST, ANONYMOUS).articles()).isEmpty();
    }

    @Test
    void a_list_filtered_by_author_matches_the_username_whatever_its_case() {
        User jake = registered("Jake");
        User jane = registered("jane");
        givenAnArticleBy(jake, "By Jake");
        givenAnArticleBy(jane, "By Jane");

        ArticlePage page = list(byAuthor("JAKE"), PageRequest.FIRST, ANONYMOUS);

        assertThat(titles(page)).containsExactly("By Jake");
        assertThat(page.articles().get(0).author().username().value()).isEqualTo("Jake");
        assertThat(list(byAuthor("nobody"), PageRequest.FIRST, ANONYMOUS).totalCount()).isZero();
    }

    @Test
    void a_list_filtered_by_who_favorited_shows_only_their_favorites() {
        User jake = registered("jake");
        User jane = registered("Jane");
        User john = registered("john");
        Article liked = givenAnArticleBy(jake, "Liked by Jane");
        givenAnArticleBy(jake, "Liked by nobody");
        Article likedByJohn = givenAnArticleBy(jake, "Liked by John");
        givenFavorited(jane, liked);
        givenFavorited(john, likedByJohn);

        assertThat(titles(list(byFan("jane"), PageRequest.FIRST, ANONYMOUS))).containsExactly("Liked by Jane");
    }

    @Test
    void filters_combine_so_that_each_narrows_the_list() {
        User jake = registered("jake");
        User jane = registered("jane");
        User fan = registered("fan");
        Article match = givenAnArticleBy(jake, "Jake on dragons, liked", "dragons");
        Article otherAuthor = givenAnArticleBy(jane, "Jane on dragons, liked", "dragons");
        Article otherTag = givenAnArticleBy(jake, "Jake on cats, liked", "cats");
        givenAnArticleBy(jake, "Jake on dragons, not liked", "dragons");
        for (Article article : List.of(match, otherAuthor, otherTag)) {
            givenFavorited(fan, article);
        }
        var filter = new ArticleFilter(Optional.of(new Tag("dragons")), Optional.of(new Username("jake")),
                Optional.of(new Username("fan")));

        ArticlePage page = list(filter, PageRequest.FIRST, ANONYMOUS);

        assertThat(titles(page)).containsExactly("Jake on dragons, liked");
        assertThat(page.totalCount()).isEqualTo(1);
    }

    @Test
    void the_total_count_is_every_matching_article_not_the_size_of_the_page() {
        User jake = registered("jake");
        givenArticlesBy(jake, 5, "dragons");
        givenAnArticleBy(jake, "Untagged");

        ArticlePage page = list(byTag("dragons"), new PageRequest(2, 0), ANONYMOUS);

        assertThat(page.articles()).hasSize(2);
        assertThat(page.totalCount()).isEqualTo(5);
    }

    @Test
    void limit_and_offset_window_the_newest_first_list() {
        User jake = registered("jake");
        givenArticlesBy(jake, 5);

        assertThat(titles(list(ArticleFilter.ALL, new PageRequest(2, 0), ANONYMOUS)))
                .containsExactly("Article 5", "Article 4");
        assertThat(titles(list(ArticleFilter.ALL, new PageRequest(2, 2), ANONYMOUS)))
                .containsExactly("Article 3", "Article 2");
        ArticlePage last = list(ArticleFilter.ALL, new PageRequest(2, 4), ANONYMOUS);
        assertThat(titles(last)).containsExactly("Article 1");
        assertThat(last.totalCount()).isEqualTo(5);
    }

    @Test
    void an_offset_past_the_end_gives_an_empty_page_with_the_total() {
        User jake = registered("jake");
        givenArticlesBy(jake, 3);

        for (int offset : List.of(3, 4, 100)) {
            ArticlePage page = list(ArticleFilter.ALL, new PageRequest(20, offset), ANONYMOUS);
            assertThat(page.articles()).isEmpty();
            assertThat(page.totalCount()).isEqualTo(3);
        }
    }

    @Test
    void every_count_equals_a_count_of_the_rows_after_creates_updates_favorites_unfavorites_and_deletes() {
        User jake = registered("jake");
        User jane = registered("jane");
        User fan = registered("fan");
        User reader = registered("reader");
        givenFollowing(reader, jake);
        assertCountsMatchRows(jake, jane, fan, reader);

        Article dragons = givenAnArticleBy(jake, "Dragons", "dragons", "training");
        Article cats = givenAnArticleBy(jane, "Cats", "cats", "dragons");
        Article plain = givenAnArticleBy(jake, "Plain");
        assertCountsMatchRows(jake, jane, fan, reader);

        for (Article article : List.of(dragons, cats, plain)) {
            givenFavorited(fan, article);
        }
        givenFavorited(jane, dragons);
        assertCountsMatchRows(jake, jane, fan, reader);

        write(tx -> tx.articles().update(new Article(plain.id(), plain.slug(), plain.title(), plain.description(),
                plain.body(), TagList.of(List.of("cats", "training")), plain.authorId(), plain.createdAt(),
                nextInstant(), plain.favoritesCount())));
        write(tx -> tx.articles().update(new Article(dragons.id(), dragons.slug(), dragons.title(),
                dragons.description(), dragons.body(), TagList.of(List.of("dragons")), dragons.authorId(),
                dragons.createdAt(), nextInstant(), dragons.favoritesCount())));
        write(tx -> tx.favorites().unfavorite(fan.id(), cats.id()));
        assertCountsMatchRows(jake, jane, fan, reader);

        // The delete cascades to a tag link and two favorites: their counters must follow.
        write(tx -> tx.articles().delete(dragons.id()));
        assertCountsMatchRows(jake, jane, fan, reader);
        assertThat(list(ArticleFilter.ALL, PageRequest.FIRST, ANONYMOUS).totalCount()).isEqualTo(2);
        assertThat(list(byFan("fan"), PageRequest.FIRST, ANONYMOUS).totalCount()).isEqualTo(1);
        assertThat(list(byTag("dragons"), PageRequest.FIRST, ANONYMOUS).totalCount()).isEqualTo(1);
        assertThat(feed(reader, PageRequest.FIRST).totalCount()).isEqualTo(1);
    }

    @Test
    void an_unknown_tag_author_or_favoriter_counts_zero() {
        givenAnArticleBy(registered("jake"), "Dragons", "dragons");

        assertThat(list(byTag("unicorns"), PageRequest.FIRST, ANONYMOUS).totalCount()).isZero();
        assertThat(list(byAuthor("nobody"), PageRequest.FIRST, ANONYMOUS).totalCount()).isZero();
        assertThat(list(byFan("nobody"), PageRequest.FIRST, ANONYMOUS).totalCount()).isZero();
        assertThat(list(byFan("jake"), PageRequest.FIRST, ANONYMOUS).totalCount()).isZero();
    }

    @Test
    void an_empty_database_lists_nothing() {
        ArticlePage page = list(ArticleFilter.ALL, PageRequest.FIRST, ANONYMOUS);

        assertThat(page.articles()).isEmpty();
        assertThat(page.totalCount()).isZero();
    }

    /** Each list's count, read by the adapter, against count(*) of the stored rows it stands for. */
    private void assertCountsMatchRows(User jake, User jane, User fan, User reader) {
        assertThat(list(ArticleFilter.ALL, PageRequest.FIRST, ANONYMOUS).totalCount()).as("all")
                .isEqualTo(rowCount("articles"));
        for (String tag : List.of("dragons", "cats", "training")) {
            assertThat(list(byTag(tag), PageRequest.FIRST, ANONYMOUS).totalCount()).as("tag %s", tag)
                    .isEqualTo(countWithSql("SELECT COUNT(*) FROM article_tags at JOIN tags t ON t.id = at.tag_id"
                            + " WHERE t.name = '" + tag + "'"));
        }
        for (User user : List.of(jake, jane, fan)) {
            String name = user.username().value();
            assertThat(list(byAuthor(name), PageRequest.FIRST, ANONYMOUS).totalCount()).as("author %s", name)
                    .isEqualTo(countWithSql("SELECT COUNT(*) FROM articles WHERE author_id = " + user.id().value()));
            assertThat(list(byFan(name), PageRequest.FIRST, ANONYMOUS).totalCount()).as("favorited by %s", name)
                    .isEqualTo(countWithSql("SELECT COUNT(*) FROM favorites WHERE user_id = " + user.id().value()));
        }
        assertThat(feed(reader, PageRequest.FIRST).totalCount()).as("feed")
                .isEqualTo(countWithSql("SELECT COUNT(*) FROM articles a JOIN follows f ON f.followee_id = a.author_id"
                        + " WHERE f.follower_id = " + reader.id().value()));
        assertCountersMatchRows();
    }
}
