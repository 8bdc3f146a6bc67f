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
    void aListShowsTheNewestFirstAndTheLaterInsertedFirstAmongEquallyOld() {
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
    void aListFilteredByTagShowsOnlyArticlesWithThatTag() {
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
    void aListFilteredByAuthorMatchesTheUsernameWhateverItsCase() {
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
    void aListFilteredByWhoFavoritedShowsOnlyTheirFavorites() {
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
    void filtersCombineSoThatEachNarrowsTheList() {
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
    void theTotalCountIsEveryMatchingArticleNotTheSizeOfThePage() {
        User jake = registered("jake");
        givenArticlesBy(jake, 5, "dragons");
        givenAnArticleBy(jake, "Untagged");

        ArticlePage page = list(byTag("dragons"), new PageRequest(2, 0), ANONYMOUS);

        assertThat(page.articles()).hasSize(2);
        assertThat(page.totalCount()).isEqualTo(5);
    }

    @Test
    void limitAndOffsetWindowTheNewestFirstList() {
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
    void anOffsetPastTheEndGivesAnEmptyPageWithTheTotal() {
        User jake = registered("jake");
        givenArticlesBy(jake, 3);

        for (int offset : List.of(3, 4, 100)) {
            ArticlePage page = list(ArticleFilter.ALL, new PageRequest(20, offset), ANONYMOUS);
            assertThat(page.articles()).isEmpty();
            assertThat(page.totalCount()).isEqualTo(3);
        }
    }

    @Test
    void everyCountEqualsACountOfTheRowsAfterCreatesUpdatesFavoritesUnfavoritesAndDeletes() {
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
    void anUnknownTagAuthorOrFavoriterCountsZero() {
        givenAnArticleBy(registered("jake"), "Dragons", "dragons");

        assertThat(list(byTag("unicorns"), PageRequest.FIRST, ANONYMOUS).totalCount()).isZero();
        assertThat(list(byAuthor("nobody"), PageRequest.FIRST, ANONYMOUS).totalCount()).isZero();
        assertThat(list(byFan("nobody"), PageRequest.FIRST, ANONYMOUS).totalCount()).isZero();
        assertThat(list(byFan("jake"), PageRequest.FIRST, ANONYMOUS).totalCount()).isZero();
    }

    @Test
    void anEmptyDatabaseListsNothing() {
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
