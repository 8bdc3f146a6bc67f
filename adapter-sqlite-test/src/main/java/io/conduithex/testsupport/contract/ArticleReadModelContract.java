package io.conduithex.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.conduithex.domain.article.Article;
import io.conduithex.domain.article.ArticleFilter;
import io.conduithex.domain.article.ArticlePage;
import io.conduithex.domain.article.ArticleView;
import io.conduithex.domain.article.PageRequest;
import io.conduithex.domain.article.Slug;
import io.conduithex.domain.article.Tag;
import io.conduithex.domain.article.TagList;
import io.conduithex.domain.comment.CommentBody;
import io.conduithex.domain.comment.CommentView;
import io.conduithex.domain.comment.NewComment;
import io.conduithex.domain.failure.AuthenticationException;
import io.conduithex.domain.port.persistence.ArticleReadModel;
import io.conduithex.domain.user.User;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.user.Username;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ArticleReadModel} adapter must do: filters, windows, counts, the reader's flags, and a
 * constant number of statements whatever the size of the page.
 */
public abstract class ArticleReadModelContract extends PersistenceContract {

    private static final Optional<UserId> ANONYMOUS = Optional.empty();

    // ---- lists: order, filters, windows -------------------------------------------------------------------

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

    // ---- feed ---------------------------------------------------------------------------------------------

    @Test
    void the_feed_shows_only_articles_by_followed_authors_newest_first() {
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
    void the_feed_is_windowed_and_counted_like_a_list() {
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
    void every_feed_window_is_the_newest_first_slice_of_the_followees_articles() {
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
    void the_feed_of_a_reader_who_follows_nobody_is_empty() {
        User reader = registered("reader");
        givenArticlesBy(registered("jake"), 2);

        ArticlePage feed = feed(reader, PageRequest.FIRST);

        assertThat(feed.articles()).isEmpty();
        assertThat(feed.totalCount()).isZero();
    }

    @Test
    void a_list_or_feed_for_a_reader_who_names_no_user_is_refused() {
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

    // ---- one article, flags -------------------------------------------------------------------------------

    @Test
    void the_view_of_one_article_has_its_body_and_tags_but_lists_never_carry_bodies() {
        User jake = registered("jake");
        Article article = givenAnArticleBy(jake, "How to train your dragon", Instant.parse(
                "2016-02-18T03:22:56.637Z"), "training", "dragons");

        ArticleView view = view(article.slug(), ANONYMOUS);

        assertThat(view.article().body()).isEqualTo(article.body());
        assertThat(view.article().tags().names()).containsExactly("dragons", "training");
        assertThat(view.article().createdAt()).isEqualTo(Instant.parse("2016-02-18T03:22:56.637Z"));
        assertThat(view.author().username()).isEqualTo(jake.username());
        assertThat(list(ArticleFilter.ALL, PageRequest.FIRST, ANONYMOUS).articles())
                .allSatisfy(listed -> assertThat(listed.article().body()).isNull());
    }

    @Test
    void the_view_of_an_unknown_slug_is_empty() {
        assertThat(maybeView(new Slug("no-such-article"), ANONYMOUS)).isEmpty();
    }

    @Test
    void favorited_and_following_are_the_viewers_own_and_false_for_an_anonymous_reader() {
        User reader = registered("reader");
        User jake = registered("jake");
        User jane = registered("jane");
        Article byJake = givenAnArticleBy(jake, "By Jake");
        Article byJane = givenAnArticleBy(jane, "By Jane");
        givenFollowing(reader, jake);
        givenFavorited(reader, byJane);
        givenFavorited(jake, byJake);

        ArticleView jakes = view(byJake.slug(), Optional.of(reader.id()));
        ArticleView janes = view(byJane.slug(), Optional.of(reader.id()));
        assertThat(jakes.author().following()).isTrue();
        assertThat(jakes.favorited()).isFalse();
        assertThat(janes.author().following()).isFalse();
        assertThat(janes.favorited()).isTrue();

        List<ArticleView> listed = list(ArticleFilter.ALL, PageRequest.FIRST, Optional.of(reader.id())).articles();
        assertThat(listed).extracting(v -> v.article().title().value(), v -> v.favorited(), v -> v.author().following())
                .containsExactly(
                        tuple("By Jane", true, false),
                        tuple("By Jake", false, true));

        List<ArticleView> anonymous = list(ArticleFilter.ALL, PageRequest.FIRST, ANONYMOUS).articles();
        assertThat(anonymous).allSatisfy(v -> {
            assertThat(v.favorited()).isFalse();
            assertThat(v.author().following()).isFalse();
        });
        assertThat(view(byJane.slug(), ANONYMOUS).favorited()).isFalse();
        assertThat(view(byJake.slug(), ANONYMOUS).author().following()).isFalse();
    }

    // ---- comments and tags --------------------------------------------------------------------------------

    @Test
    void comments_come_oldest_first_with_their_authors_as_the_viewer_sees_them() {
        User reader = registered("reader");
        User jake = registered("jake");
        User jane = registered("jane");
        Article article = givenAnArticleBy(jake, "How to train your dragon");
        Article other = givenAnArticleBy(jake, "How to tame your dragon");
        givenACommentBy(jane, article, "First!");
        givenACommentBy(jake, article, "Thanks");
        givenACommentBy(jane, other, "Elsewhere");
        givenACommentBy(reader, article, "Late to the party");
        givenFollowing(reader, jane);

        List<CommentView> comments = comments(article.slug(), Optional.of(reader.id()));

        assertThat(comments).extracting(c -> c.comment().body().value(), c -> c.author().username().value(),
                        c -> c.author().following())
                .containsExactly(
                        tuple("First!", "jane", true),
                        tuple("Thanks", "jake", false),
                        tuple("Late to the party", "reader", false));
        assertThat(comments(article.slug(), ANONYMOUS))
                .allSatisfy(c -> assertThat(c.author().following()).isFalse());
        assertThat(comments(new Slug("no-such-article"), ANONYMOUS)).isEmpty();
    }

    @Test
    void tags_lists_each_tag_in_use_once_in_the_same_order_as_an_articles_tags() {
        User jake = registered("jake");
        givenAnArticleBy(jake, "Dragons", "training", "dragons", "Zebras");
        givenAnArticleBy(jake, "More dragons", "dragons", "dragon-riding", "angularjs");
        Article doomed = givenAnArticleBy(jake, "Soon gone", "unused-soon", "dragons");
        write(tx -> tx.articles().delete(doomed.id()));

        List<String> tags = tagsInUse();

        // The order of Tag.compareTo, which is how every article's TagList is sorted, whatever the collation.
        assertThat(tags).containsExactly("Zebras", "angularjs", "dragon-riding", "dragons", "training");
    }

    @Test
    void no_tags_are_in_use_in_an_empty_database() {
        assertThat(tagsInUse()).isEmpty();
    }

    // ---- statements: no query per row ---------------------------------------------------------------------

    @Test
    void a_page_of_twenty_costs_as_many_statements_as_a_page_of_one() {
        User reader = givenAPopulatedSite();
        Optional<UserId> signedIn = Optional.of(reader.id());

        assertThat(list(ArticleFilter.ALL, new PageRequest(20, 0), signedIn).articles()).hasSize(20);
        long anonymousOne = statementsRunBy(() -> list(ArticleFilter.ALL, new PageRequest(1, 0), ANONYMOUS));
        long anonymousTwenty = statementsRunBy(() -> list(ArticleFilter.ALL, new PageRequest(20, 0), ANONYMOUS));
        long signedInOne = statementsRunBy(() -> list(ArticleFilter.ALL, new PageRequest(1, 0), signedIn));
        long signedInTwenty = statementsRunBy(() -> list(ArticleFilter.ALL, new PageRequest(20, 0), signedIn));
        report("list, anonymous", anonymousOne, anonymousTwenty);
        report("list, signed in", signedInOne, signedInTwenty);

        assertThat(anonymousTwenty).isEqualTo(anonymousOne);
        assertThat(signedInTwenty).isEqualTo(signedInOne);
    }

    @Test
    void a_feed_page_of_twenty_costs_as_many_statements_as_a_page_of_one() {
        User reader = givenAPopulatedSite();

        assertThat(feed(reader, new PageRequest(20, 0)).articles()).hasSize(20);
        long one = statementsRunBy(() -> feed(reader, new PageRequest(1, 0)));
        long twenty = statementsRunBy(() -> feed(reader, new PageRequest(20, 0)));
        report("feed", one, twenty);

        assertThat(twenty).isEqualTo(one);
    }

    @Test
    void a_filtered_page_costs_as_many_statements_whatever_its_size() {
        User reader = givenAPopulatedSite();
        Optional<UserId> signedIn = Optional.of(reader.id());
        var filter = new ArticleFilter(Optional.of(new Tag("tag-1")), Optional.empty(),
                Optional.of(new Username("fan-0")));

        assertThat(list(filter, new PageRequest(20, 0), signedIn).articles()).hasSizeGreaterThan(1);
        long one = statementsRunBy(() -> list(filter, new PageRequest(1, 0), signedIn));
        long twenty = statementsRunBy(() -> list(filter, new PageRequest(20, 0), signedIn));
        report("list by tag and favorited, signed in", one, twenty);

        assertThat(twenty).isEqualTo(one);
    }

    /**
     * 25 articles by five authors, each with one to three tags and a few favorites; returns a reader who
     * follows four of the authors (so their feed holds 20 articles) and favorited some articles.
     */
    private User givenAPopulatedSite() {
        User reader = registered("reader");
        List<User> authors = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            authors.add(registered("author-" + i));
        }
        List<User> fans = List.of(registered("fan-0"), registered("fan-1"), registered("fan-2"));
        write(tx -> {
            for (int i = 0; i < 25; i++) {
                User author = authors.get(i % authors.size());
                var tags = new ArrayList<String>();
                for (int t = 0; t <= i % 3; t++) {
                    tags.add("tag-" + ((i + t) % 7));
                }
                Article article = tx.articles().insert(newArticle(author, "Article " + i, nextInstant(),
                        tags.toArray(String[]::new)));
                for (int f = 0; f < fans.size(); f++) {
                    if ((i + f) % 2 == 0) {
                        tx.favorites().favorite(fans.get(f).id(), article.id());
                    }
                }
                if (i % 3 == 0) {
                    tx.favorites().favorite(reader.id(), article.id());
                }
            }
            for (int i = 0; i < 4; i++) {
                tx.follows().follow(reader.id(), authors.get(i).id());
            }
            return null;
        });
        return reader;
    }

    private void report(String what, long pageOfOne, long pageOfTwenty) {
        System.out.println("[conduit-test] " + getClass().getSimpleName() + ": " + what + ": " + pageOfOne
                + " statements for a page of 1, " + pageOfTwenty + " for a page of 20");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

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

    /** {@code count} articles by {@code author}, titled "Article 1" (oldest) to "Article {count}" (newest). */
    private void givenArticlesBy(User author, int count, String... tags) {
        for (int i = 1; i <= count; i++) {
            givenAnArticleBy(author, "Article " + i, tags);
        }
    }

    private void givenACommentBy(User author, Article article, String body) {
        write(tx -> tx.comments().insert(
                new NewComment(article.id(), author.id(), new CommentBody(body), nextInstant())));
    }

    private ArticlePage list(ArticleFilter filter, PageRequest page, Optional<UserId> viewer) {
        return read(tx -> tx.articleReads().list(filter, page, viewer));
    }

    private ArticlePage feed(User reader, PageRequest page) {
        return read(tx -> tx.articleReads().feed(reader.id(), page));
    }

    private ArticleView view(Slug slug, Optional<UserId> viewer) {
        return maybeView(slug, viewer).orElseThrow();
    }

    private Optional<ArticleView> maybeView(Slug slug, Optional<UserId> viewer) {
        return read(tx -> tx.articleReads().view(slug, viewer));
    }

    private List<CommentView> comments(Slug slug, Optional<UserId> viewer) {
        return read(tx -> tx.articleReads().comments(slug, viewer));
    }

    private List<String> tagsInUse() {
        return read(tx -> tx.articleReads().tags());
    }

    private static List<String> titles(ArticlePage page) {
        return page.articles().stream().map(view -> view.article().title().value()).toList();
    }

    private static ArticleFilter byTag(String tag) {
        return new ArticleFilter(Optional.of(new Tag(tag)), Optional.empty(), Optional.empty());
    }

    private static ArticleFilter byAuthor(String username) {
        return new ArticleFilter(Optional.empty(), Optional.of(new Username(username)), Optional.empty());
    }

    private static ArticleFilter byFan(String username) {
        return new ArticleFilter(Optional.empty(), Optional.empty(), Optional.of(new Username(username)));
    }
}
