package io.conduithex.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.domain.article.Article;
import io.conduithex.domain.article.ArticleFilter;
import io.conduithex.domain.article.ArticlePage;
import io.conduithex.domain.article.PageRequest;
import io.conduithex.domain.failure.AuthenticationException;
import io.conduithex.domain.port.persistence.ArticleReadModel;
import io.conduithex.domain.user.User;
import io.conduithex.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The feed through {@link ArticleReadModel}: followed authors only, windowed and counted like a list, and a
 * reader who names no user is refused.
 */
public abstract class ArticleFeedContract extends ArticleReadModelContract {

    @Test
    void theFeedShowsOnlyArticlesByFollowedAuthorsNewestFirst() {
        User reader = registered("reader");
        User jake = registered("jake");
        User jane = registered("jane");
        User john = registered("john");
        givenAnArticleBy(jake, "Jake 1");
        givenAnArticleBy(john, "John 1");
        givenAnArticleBy(jane, "Jane 1");
        givenAnArticleBy(jake, "Jake 2");
        givenAnArticleBy(reader, "Reader's own");
        givenFollowing(reader, jake);
        givenFollowing(reader, jane);
        givenFollowing(jake, john);

        ArticlePage feed = feed(reader, PageRequest.FIRST);

        assertThat(titles(feed)).containsExactly("Jake 2", "Jane 1", "Jake 1");
        assertThat(feed.totalCount()).isEqualTo(3);
        assertThat(feed.articles()).allSatisfy(view -> assertThat(view.author().following()).isTrue());
    }

    @Test
    void theFeedIsWindowedAndCountedLikeAList() {
        User reader = registered("reader");
        User jake = registered("jake");
        givenArticlesBy(jake, 5);
        givenFollowing(reader, jake);

        ArticlePage page = feed(reader, new PageRequest(2, 1));

        assertThat(titles(page)).containsExactly("Article 4", "Article 3");
        assertThat(page.totalCount()).isEqualTo(5);
        assertThat(feed(reader, new PageRequest(2, 5)).articles()).isEmpty();
    }

    /**
     * Followees with no, few and many articles, written at times that interleave and tie, among authors the
     * reader does not follow: every window, whether it is smaller or larger than the number of followees, is
     * the same slice of the newest-first list of the followees' articles.
     */
    @Test
    void everyFeedWindowIsTheNewestFirstSliceOfTheFolloweesArticles() {
        User reader = registered("reader");
        int[] articlesPerAuthor = {0, 1, 3, 30, 2, 25, 0, 7, 40, 12, 5, 9};
        int followed = 9;
        List<User> authors = new ArrayList<>();
        for (int i = 0; i < articlesPerAuthor.length; i++) {
            authors.add(registered("author-" + i));
        }
        var random = new java.util.Random(42);
        Instant base = Instant.parse("2024-03-01T12:00:00Z");
        record Written(long id, Instant createdAt, String title) {
        }
        List<Written> expected = write(tx -> {
            List<Written> feed = new ArrayList<>();
            // Articles are written author by author, but their times are drawn from 150 minutes: ids and times
            // disagree, and many articles share a minute.
            for (int a = 0; a < authors.size(); a++) {
                for (int n = 0; n < articlesPerAuthor[a]; n++) {
                    Instant at = base.plusSeconds(60L * random.nextInt(150));
                    String title = "A" + a + " #" + n;
                    Article article = tx.articles().insert(newArticle(authors.get(a), title, at));
                    if (a < followed) {
                        feed.add(new Written(article.id().value(), at, title));
                    }
                }
            }
            for (int a = 0; a < followed; a++) {
                tx.follows().follow(reader.id(), authors.get(a).id());
            }
            return feed;
        });
        expected.sort(java.util.Comparator.comparing(Written::createdAt).thenComparing(Written::id).reversed());
        List<String> newestFirst = expected.stream().map(Written::title).toList();

        for (PageRequest window : List.of(new PageRequest(1, 0), new PageRequest(3, 0), new PageRequest(5, 2),
                new PageRequest(20, 0), new PageRequest(20, 20), new PageRequest(7, 61), new PageRequest(100, 0),
                new PageRequest(20, 100), new PageRequest(10, 125))) {
            ArticlePage page = feed(reader, window);
            int from = Math.min(window.offset(), newestFirst.size());
            int to = Math.min(window.offset() + window.limit(), newestFirst.size());
            assertThat(titles(page)).as("limit %d offset %d", window.limit(), window.offset())
                    .containsExactlyElementsOf(newestFirst.subList(from, to));
            assertThat(page.totalCount()).isEqualTo(newestFirst.size());
        }
    }

    @Test
    void theFeedOfAReaderWhoFollowsNobodyIsEmpty() {
        User reader = registered("reader");
        givenArticlesBy(registered("jake"), 2);

        ArticlePage feed = feed(reader, PageRequest.FIRST);

        assertThat(feed.articles()).isEmpty();
        assertThat(feed.totalCount()).isZero();
    }

    @Test
    void aListOrFeedForAReaderWhoNamesNoUserIsRefused() {
        givenArticlesBy(registered("jake"), 2, "dragons");
        var nobody = Optional.of(new UserId(987_654_321L));

        for (var filter : List.of(ArticleFilter.ALL, byTag("dragons"), byTag("unknown"), byAuthor("jake"))) {
            assertThatThrownBy(() -> list(filter, PageRequest.FIRST, nobody)).as("%s", filter)
                    .isInstanceOf(AuthenticationException.class);
        }
        assertThatThrownBy(() -> read(tx -> tx.articleReads().feed(nobody.get(), PageRequest.FIRST)))
                .isInstanceOf(AuthenticationException.class);
        assertThat(list(ArticleFilter.ALL, PageRequest.FIRST, ANONYMOUS).totalCount()).isEqualTo(2);
    }
}
