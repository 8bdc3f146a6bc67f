package io.conduithex.bootstrap.http;

import static io.conduithex.bootstrap.http.ConduitApi.TIMESTAMP;
import static io.conduithex.bootstrap.http.ConduitApi.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lists of articles and the feed over HTTP: order, windows, filters, counts. */
class ArticleListApiTest extends ConduitApiTest {
    private static final Map<String, List<String>> BAD_LIMIT = Map.of("limit", List.of("must be between 1 and 100"));
    private static final Map<String, List<String>> BAD_OFFSET =
            Map.of("offset", List.of("must be between 0 and 10000"));

    // Listing

    @Test
    void theListShowsTheNewestFirstWithoutBodies() {
        String first = api.givenAnArticleBy(jake, "First");
        String second = api.givenAnArticleBy(jake, "Second");
        String third = api.givenAnArticleBy(jake, "Third");

        var reply = api.articles("", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(reply.json().fieldNames()).toIterable().containsExactly("articles", "articlesCount");
        assertThat(slugsOf(reply)).containsExactly(third, second, first);
        assertThat(reply.json().get("articlesCount").asLong()).isEqualTo(3);
        var listed = reply.json().at("/articles/0");
        assertThat(listed.fieldNames()).toIterable().containsExactly("slug", "title", "description", "tagList",
                "createdAt", "updatedAt", "favorited", "favoritesCount", "author");
        assertThat(listed.get("createdAt").asText()).matches(TIMESTAMP);
        assertProfile(listed.get("author"), "jake", false);
    }

    @Test
    void anEmptyListHasACountOfZero() {
        var reply = api.articles("", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"articles\":[],\"articlesCount\":0}");
    }

    @Test
    void articlesCountIsTheTotalNotThePageSize() {
        var slugs = givenArticles(5);

        var reply = api.articles("?limit=2", null);

        assertThat(slugsOf(reply)).containsExactly(slugs.get(4), slugs.get(3));
        assertThat(reply.json().get("articlesCount").asLong()).isEqualTo(5);
    }

    @Test
    void limitAndOffsetChooseTheWindow() {
        var slugs = givenArticles(5);

        assertThat(slugsOf(api.articles("?limit=2&offset=1", null))).containsExactly(slugs.get(3), slugs.get(2));
        assertThat(slugsOf(api.articles("?offset=3", null))).containsExactly(slugs.get(1), slugs.get(0));
        assertThat(slugsOf(api.articles("?limit=100&offset=4", null))).containsExactly(slugs.get(0));
        var beyond = api.articles("?offset=5", null);
        assertThat(slugsOf(beyond)).isEmpty();
        assertThat(beyond.json().get("articlesCount").asLong()).isEqualTo(5);
    }

    @Test
    void withoutALimitAPageHasTwentyArticles() {
        givenArticles(21);

        var reply = api.articles("", null);

        assertThat(slugsOf(reply)).hasSize(20);
        assertThat(reply.json().get("articlesCount").asLong()).isEqualTo(21);
    }

    @Test
    void aPageThatFitsTheServersOutputBufferGoesOutWithItsLengthInOnePiece() {
        String description = "A description of the longest length a client may send. ".repeat(18).strip();
        for (int i = 0; i < 20; i++) {
            assertThat(api.createArticle(jake.token(), article("Long " + i, description, "Body", "tag")).status())
                    .isEqualTo(201);
        }

        var reply = api.articles("", null);

        int length = reply.body().getBytes(StandardCharsets.UTF_8).length;
        assertThat(length).isBetween(16 * 1024, 32 * 1024);
        assertThat(reply.header("Content-Length")).isEqualTo(String.valueOf(length));
        assertThat(reply.header("Transfer-Encoding")).isNull();
    }

    @Test
    void theListIsFilteredByTag() {
        String dragons = api.givenAnArticleBy(jake, "Dragons", "dragons", "training");
        api.givenAnArticleBy(jake, "Cats", "cats");
        String both = api.givenAnArticleBy(jake, "Dragon cats", "cats", "dragons");

        var reply = api.articles("?tag=dragons", null);

        assertThat(slugsOf(reply)).containsExactly(both, dragons);
        assertThat(reply.json().get("articlesCount").asLong()).isEqualTo(2);
        assertThat(slugsOf(api.articles("?tag=Dragons", null))).as("tags are compared exactly").isEmpty();
    }

    @Test
    void theListIsFilteredByAuthorWhateverTheLetterCase() {
        var celeb = api.registered("celeb");
        String byJake = api.givenAnArticleBy(jake, "By jake");
        String byCeleb = api.givenAnArticleBy(celeb, "By celeb");

        assertThat(slugsOf(api.articles("?author=jake", null))).containsExactly(byJake);
        assertThat(slugsOf(api.articles("?author=CELEB", null))).containsExactly(byCeleb);
        assertThat(api.articles("?author=celeb", null).json().get("articlesCount").asLong()).isEqualTo(1);
    }

    @Test
    void theListIsFilteredByTheUserWhoFavorited() {
        var fan = api.registered("fan");
        String liked = api.givenAnArticleBy(jake, "Liked");
        api.givenAnArticleBy(jake, "Ignored");
        api.favorite(liked, fan.token());

        var reply = api.articles("?favorited=fan", null);

        assertThat(slugsOf(reply)).containsExactly(liked);
        assertThat(reply.json().get("articlesCount").asLong()).isEqualTo(1);
        assertThat(reply.json().at("/articles/0/favorited").asBoolean()).as("as seen anonymously").isFalse();
        assertThat(api.articles("?favorited=fan", fan.token()).json().at("/articles/0/favorited").asBoolean())
                .isTrue();
        assertThat(slugsOf(api.articles("?favorited=jake", null))).isEmpty();
    }

    @Test
    void filtersCombine() {
        var celeb = api.registered("celeb");
        var fan = api.registered("fan");
        String wanted = api.givenAnArticleBy(jake, "Wanted", "dragons");
        String otherTag = api.givenAnArticleBy(jake, "Other tag", "cats");
        String otherAuthor = api.givenAnArticleBy(celeb, "Other author", "dragons");
        for (String slug : List.of(wanted, otherTag, otherAuthor)) {
            api.favorite(slug, fan.token());
        }

        var reply = api.articles("?tag=dragons&author=jake&favorited=fan", null);

        assertThat(slugsOf(reply)).containsExactly(wanted);
        assertThat(reply.json().get("articlesCount").asLong()).isEqualTo(1);
    }

    /** The route documents it: a value that no tag or user could have matches nothing; it is not an error. */
    @ParameterizedTest
    @ValueSource(strings = {"?tag=", "?tag=%20%20", "?author=", "?author=not%20a%20name!", "?favorited=%09",
            "?author=nobody", "?favorited=nobody", "?tag=no-such-tag"})
    void aFilterValueThatMatchesNoTagOrUserGivesAnEmptyList(String query) {
        api.givenAnArticleBy(jake, "Dragons", "dragons");

        var reply = api.articles(query, null);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"articles\":[],\"articlesCount\":0}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "0", "101", "abc", "1.5", "", "99999999999999999999", "%2B5", "1e2"})
    void aLimitOutsideOneToAHundredIs422(String limit) {
        assertErrors(api.articles("?limit=" + limit, null), 422, BAD_LIMIT);
        assertErrors(api.feed("?limit=" + limit, jake.token()), 422, BAD_LIMIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "abc", "", "10001", "10000000", "99999999999999999999"})
    void aNegativeOrAbsurdOffsetIs422(String offset) {
        assertErrors(api.articles("?offset=" + offset, null), 422, BAD_OFFSET);
        assertErrors(api.feed("?offset=" + offset, jake.token()), 422, BAD_OFFSET);
    }

    @Test
    void aBadLimitAndABadOffsetAreBothNamed() {
        assertErrors(api.articles("?limit=0&offset=-1", null), 422,
                Map.of("limit", List.of("must be between 1 and 100"),
                        "offset", List.of("must be between 0 and 10000")));
    }

    // The feed

    @Test
    void theFeedHasOnlyArticlesByFollowedAuthorsNewestFirst() {
        var celeb = api.registered("celeb");
        var star = api.registered("star");
        var reader = api.registered("reader");
        String celebFirst = api.givenAnArticleBy(celeb, "Celeb first");
        api.givenAnArticleBy(jake, "Not followed");
        String starArticle = api.givenAnArticleBy(star, "Star");
        String celebSecond = api.givenAnArticleBy(celeb, "Celeb second");
        api.follow("celeb", reader.token());
        api.follow("star", reader.token());

        var reply = api.feed("", reader.token());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(slugsOf(reply)).containsExactly(celebSecond, starArticle, celebFirst);
        assertThat(reply.json().get("articlesCount").asLong()).isEqualTo(3);
        assertThat(reply.json().at("/articles/0").has("body")).isFalse();
        assertThat(reply.json().at("/articles/0/author/following").asBoolean()).isTrue();
        assertThat(slugsOf(api.feed("?limit=1&offset=1", reader.token()))).containsExactly(starArticle);
        assertThat(api.feed("?limit=1&offset=1", reader.token()).json().get("articlesCount").asLong()).isEqualTo(3);
    }

    @Test
    void theFeedOfSomeoneWhoFollowsNobodyIsEmpty() {
        api.givenAnArticleBy(jake, "Dragons");

        assertThat(api.feed("", jake.token()).body()).isEqualTo("{\"articles\":[],\"articlesCount\":0}");
    }

    @Test
    void theFeedWithoutATokenIs401() {
        assertErrors(api.feed("", null), 401, Map.of("token", List.of("is missing")));
        assertErrors(api.feed("", "garbage"), 401, Map.of("token", List.of("is invalid")));
    }

    private List<String> givenArticles(int count) {
        var slugs = new ArrayList<String>();
        for (int i = 1; i <= count; i++) {
            slugs.add(api.givenAnArticleBy(jake, "Article " + i));
        }
        return slugs;
    }
}
