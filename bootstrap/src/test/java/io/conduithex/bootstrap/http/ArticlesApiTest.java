package io.conduithex.bootstrap.http;

import static io.conduithex.bootstrap.http.ConduitApi.TIMESTAMP;
import static io.conduithex.bootstrap.http.ConduitApi.article;
import static io.conduithex.bootstrap.http.UsersApiTest.assertErrors;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.conduithex.bootstrap.http.ConduitApi.Account;
import io.conduithex.bootstrap.http.ConduitApi.Reply;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArticlesApiTest extends ConduitApiTest {
    private static final Map<String, List<String>> ARTICLE_NOT_FOUND = Map.of("article", List.of("not found"));
    private static final Map<String, List<String>> BAD_LIMIT = Map.of("limit", List.of("must be between 1 and 100"));
    private static final Map<String, List<String>> BAD_OFFSET =
            Map.of("offset", List.of("must be between 0 and 10000"));


    // Creating

    @Test
    void creatingAnArticleAnswers201WithEveryFieldAndMillisecondTimestamps() {
        var reply = api.createArticle(jake.token(), article("How to train your dragon", "Ever wonder how?",
                "Very carefully.", "training", "dragons", "angularjs"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        var article = reply.json().get("article");
        assertThat(article.fieldNames()).toIterable().containsExactly("slug", "title", "description", "body",
                "tagList", "createdAt", "updatedAt", "favorited", "favoritesCount", "author");
        assertThat(article.get("slug").asText()).isEqualTo("how-to-train-your-dragon");
        assertThat(article.get("title").asText()).isEqualTo("How to train your dragon");
        assertThat(article.get("description").asText()).isEqualTo("Ever wonder how?");
        assertThat(article.get("body").asText()).isEqualTo("Very carefully.");
        assertThat(texts(article.get("tagList"))).containsExactly("angularjs", "dragons", "training");
        assertThat(article.get("createdAt").asText()).matches(TIMESTAMP);
        assertThat(article.get("updatedAt").asText()).isEqualTo(article.get("createdAt").asText());
        assertThat(article.get("favorited").isBoolean()).isTrue();
        assertThat(article.get("favorited").asBoolean()).isFalse();
        assertThat(article.get("favoritesCount").isIntegralNumber()).isTrue();
        assertThat(article.get("favoritesCount").asLong()).isZero();
        assertProfile(article.get("author"), "jake", false);
    }

    @Test
    void theSlugComesFromTheTitle() {
        assertThat(api.givenAnArticleBy(jake, "How to Train Your Dragon!")).isEqualTo("how-to-train-your-dragon");
        assertThat(api.givenAnArticleBy(jake, "  Crème Brûlée, step 2  ")).isEqualTo("creme-brulee-step-2");
    }

    @Test
    void twoArticlesWithOneTitleGetDistinctSlugsAndBothCanBeRead() {
        String first = api.givenAnArticleBy(jake, "Dragons");
        String second = api.givenAnArticleBy(jake, "Dragons");

        assertThat(first).isEqualTo("dragons");
        assertThat(second).startsWith("dragons-").isNotEqualTo(first);
        assertThat(api.article(first, null).status()).isEqualTo(200);
        assertThat(api.article(second, null).status()).isEqualTo(200);
    }

    @Test
    void anArticleTitledFeedGetsASlugThatDoesNotHideIt() {
        String slug = api.givenAnArticleBy(jake, "Feed");

        assertThat(slug).isNotEqualTo("feed");
        assertThat(api.article(slug, null).at("/article/title")).isEqualTo("Feed");
        assertErrors(api.feed("", null), 401, Map.of("token", List.of("is missing")));
    }

    @Test
    void tagsAreSentBackDistinctAndSortedAndAnAbsentOrNullTagListMeansNone() {
        var tagged = api.createArticle(jake.token(), article("Tagged", "d", "b", "zebra", "Apple", "mango", "zebra"));
        var untagged = api.createArticle(jake.token(), "{\"title\":\"Untagged\",\"description\":\"d\",\"body\":\"b\"}");
        var nullTags = api.createArticle(jake.token(),
                "{\"title\":\"Null tags\",\"description\":\"d\",\"body\":\"b\",\"tagList\":null}");

        assertThat(texts(tagged.json().at("/article/tagList"))).containsExactly("Apple", "mango", "zebra");
        assertThat(untagged.json().at("/article/tagList").isArray()).isTrue();
        assertThat(untagged.json().at("/article/tagList")).isEmpty();
        assertThat(nullTags.json().at("/article/tagList")).isEmpty();
    }

    @Test
    void creatingWithoutATokenIs401() {
        assertErrors(api.createArticle(null, article("T", "D", "B")), 401, Map.of("token", List.of("is missing")));
    }

    @Test
    void everyMissingFieldIsNamed() {
        assertErrors(api.createArticle(jake.token(), "{}"), 422, Map.of("title", List.of("can't be blank"),
                "description", List.of("can't be blank"), "body", List.of("can't be blank")));
        assertErrors(api.createArticle(jake.token(), "{\"title\":\" \",\"description\":\"\",\"body\":null}"), 422,
                Map.of("title", List.of("can't be blank"), "description", List.of("can't be blank"),
                        "body", List.of("can't be blank")));
    }

    @Test
    void fieldsOfTheWrongTypeAreNamed() {
        assertErrors(api.createArticle(jake.token(),
                        "{\"title\":42,\"description\":true,\"body\":[\"b\"],\"tagList\":\"dragons\"}"), 422,
                Map.of("title", List.of("must be a string"), "description", List.of("must be a string"),
                        "body", List.of("must be a string"), "tagList", List.of("must be an array of strings")));
    }

    @Test
    void aTagThatIsNotAStringOrIsBlankIsNamedUnderTagList() {
        assertErrors(api.createArticle(jake.token(),
                        "{\"title\":\"T\",\"description\":\"D\",\"body\":\"B\",\"tagList\":[\"ok\",1,{}]}"), 422,
                Map.of("tagList", List.of("tag 2 must be a string", "tag 3 must be a string")));
        assertErrors(api.createArticle(jake.token(), article("T", "D", "B", "ok", "  ")), 422,
                Map.of("tagList", List.of("tag 2 can't be blank")));
        assertErrors(api.createArticle(jake.token(), article("T", "D", "B", "x".repeat(51))), 422,
                Map.of("tagList", List.of("tag 1 is too long (maximum is 50 characters)")));
    }

    @Test
    void tooLongFieldsAreNamed() {
        assertErrors(api.createArticle(jake.token(), article("t".repeat(201), "D", "B")), 422,
                Map.of("title", List.of("is too long (maximum is 200 characters)")));
        var tooMany = new ArrayList<String>();
        for (int i = 0; i < 21; i++) {
            tooMany.add("tag" + i);
        }
        assertErrors(api.createArticle(jake.token(), article("T", "D", "B", tooMany.toArray(String[]::new))), 422,
                Map.of("tagList", List.of("has too many tags (maximum is 20)")));
    }

    /** PostgreSQL cannot store U+0000 in text; it is refused up front, whatever the database. */
    @Test
    void textContainingTheNulCharacterIsRefusedFieldByField() {
        String slug = api.givenAnArticleBy(jake, "Dragons");
        var nul = Map.of("title", List.of("can't contain the NUL character"),
                "body", List.of("can't contain the NUL character"),
                "tagList", List.of("can't contain the NUL character"));

        assertErrors(api.createArticle(jake.token(), article("a\u0000b", "D", "b\u0000", "x\u0000")), 422, nul);
        assertErrors(api.updateArticle(jake.token(), slug, article("a\u0000b", "D", "b\u0000", "x\u0000")), 422,
                nul);
    }

    @Test
    void aBodyThatIsNotJsonOrHasNoArticleIs422() {
        assertErrors(api.post("/api/articles", "{\"article\":", jake.token()), 422,
                Map.of("body", List.of("is not valid JSON")));
        assertErrors(api.post("/api/articles", "", jake.token()), 422, Map.of("body", List.of("can't be blank")));
        assertErrors(api.post("/api/articles", "{\"title\":\"T\"}", jake.token()), 422,
                Map.of("article", List.of("can't be blank")));
        assertErrors(api.post("/api/articles", "{\"article\":\"T\"}", jake.token()), 422,
                Map.of("article", List.of("must be an object")));
        assertErrors(api.post("/api/articles", "[]", jake.token()), 422,
                Map.of("body", List.of("must be a JSON object")));
    }

    // Reading one

    @Test
    void anAnonymousReaderGetsTheArticleBySlug() {
        String slug = api.givenAnArticleBy(jake, "Dragons", "dragons");

        var reply = api.article(slug, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(reply.at("/article/slug")).isEqualTo("dragons");
        assertThat(reply.at("/article/body")).isEqualTo("All about Dragons");
        assertThat(reply.at("/article/createdAt")).matches(TIMESTAMP);
        assertThat(reply.json().at("/article/favorited").asBoolean()).isFalse();
        assertProfile(reply.json().at("/article/author"), "jake", false);
    }

    @Test
    void aSignedInReaderSeesWhetherTheyFavoritedTheArticleAndFollowItsAuthor() {
        String slug = api.givenAnArticleBy(jake, "Dragons");
        var fan = api.registered("fan");
        var stranger = api.registered("stranger");
        api.follow("jake", fan.token());
        api.favorite(slug, fan.token());

        var asFan = api.article(slug, fan.token()).json().get("article");
        var asStranger = api.article(slug, stranger.token()).json().get("article");
        var asAuthor = api.article(slug, jake.token()).json().get("article");

        assertThat(asFan.get("favorited").asBoolean()).isTrue();
        assertThat(asFan.at("/author/following").asBoolean()).isTrue();
        assertThat(asStranger.get("favorited").asBoolean()).isFalse();
        assertThat(asStranger.at("/author/following").asBoolean()).isFalse();
        assertThat(asAuthor.get("favorited").asBoolean()).isFalse();
        assertThat(List.of(asFan, asStranger, asAuthor)).allMatch(a -> a.get("favoritesCount").asLong() == 1);
    }

    @Test
    void anUnknownOrImpossibleSlugIs404NamingTheArticle() {
        assertErrors(api.article("no-such-article", null), 404, ARTICLE_NOT_FOUND);
        assertErrors(api.article("Not_A_Slug", null), 404, ARTICLE_NOT_FOUND);
        assertErrors(api.article("x".repeat(500), null), 404, ARTICLE_NOT_FOUND);
        assertErrors(api.article("%C3%A9t%C3%A9%20!", null), 404, ARTICLE_NOT_FOUND);
    }

    @Test
    void aBadTokenIsRefusedEvenWhereAuthenticationIsOptional() {
        String slug = api.givenAnArticleBy(jake, "Dragons");

        assertErrors(api.article(slug, "garbage"), 401, Map.of("token", List.of("is invalid")));
        assertErrors(api.articles("", "garbage"), 401, Map.of("token", List.of("is invalid")));
    }

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

    // Updating

    @Test
    void updatingTheTitleKeepsTheSlugAndEverythingElse() {
        String slug = api.givenAnArticleBy(jake, "Dragons", "dragons");
        var before = api.article(slug, null).json().get("article");

        var reply = api.updateArticle(jake.token(), slug, "{\"title\":\"Did you train your dragon?\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        var after = reply.json().get("article");
        assertThat(after.get("title").asText()).isEqualTo("Did you train your dragon?");
        assertThat(after.get("slug").asText()).isEqualTo(slug);
        assertThat(after.get("description")).isEqualTo(before.get("description"));
        assertThat(after.get("body")).isEqualTo(before.get("body"));
        assertThat(after.get("tagList")).isEqualTo(before.get("tagList"));
        assertThat(after.get("createdAt")).isEqualTo(before.get("createdAt"));
        assertThat(after.get("updatedAt").asText()).matches(TIMESTAMP)
                .isGreaterThanOrEqualTo(before.get("updatedAt").asText());
        assertThat(api.article(slug, null).at("/article/title")).isEqualTo("Did you train your dragon?");
    }

    @Test
    void updatingTheDescriptionAloneChangesOnlyIt() {
        String slug = api.givenAnArticleBy(jake, "Dragons", "dragons");

        var after = api.updateArticle(jake.token(), slug, "{\"description\":\"New summary\"}").json().get("article");

        assertThat(after.get("description").asText()).isEqualTo("New summary");
        assertThat(after.get("title").asText()).isEqualTo("Dragons");
        assertThat(after.get("body").asText()).isEqualTo("All about Dragons");
        assertThat(texts(after.get("tagList"))).containsExactly("dragons");
    }

    @Test
    void updatingTheBodyAloneChangesOnlyIt() {
        String slug = api.givenAnArticleBy(jake, "Dragons", "dragons");

        var after = api.updateArticle(jake.token(), slug, "{\"body\":\"With two hands\"}").json().get("article");

        assertThat(after.get("body").asText()).isEqualTo("With two hands");
        assertThat(after.get("title").asText()).isEqualTo("Dragons");
        assertThat(after.get("description").asText()).isEqualTo("About Dragons");
        assertThat(api.article(slug, null).at("/article/body")).isEqualTo("With two hands");
    }

    @Test
    void updatingTheTagsReplacesThemAndNullRemovesThemAll() {
        String slug = api.givenAnArticleBy(jake, "Dragons", "dragons", "training");

        var replaced = api.updateArticle(jake.token(), slug, "{\"tagList\":[\"wings\",\"fire\"]}");
        assertThat(texts(replaced.json().at("/article/tagList"))).containsExactly("fire", "wings");
        assertThat(replaced.at("/article/title")).isEqualTo("Dragons");
        assertThat(slugsOf(api.articles("?tag=fire", null))).containsExactly(slug);
        assertThat(slugsOf(api.articles("?tag=dragons", null))).isEmpty();

        var cleared = api.updateArticle(jake.token(), slug, "{\"tagList\":null}");
        assertThat(cleared.json().at("/article/tagList")).isEmpty();
        assertThat(api.article(slug, null).json().at("/article/tagList")).isEmpty();
    }

    @Test
    void updatingSeveralFieldsAtOnce() {
        String slug = api.givenAnArticleBy(jake, "Dragons");

        var after = api.updateArticle(jake.token(), slug,
                article("Wyverns", "Smaller", "Two legs", "wyverns")).json().get("article");

        assertThat(after.get("slug").asText()).isEqualTo(slug);
        assertThat(after.get("title").asText()).isEqualTo("Wyverns");
        assertThat(after.get("description").asText()).isEqualTo("Smaller");
        assertThat(after.get("body").asText()).isEqualTo("Two legs");
        assertThat(texts(after.get("tagList"))).containsExactly("wyverns");
    }

    @Test
    void anUpdateCannotBlankARequiredFieldAndNamesEachOne() {
        String slug = api.givenAnArticleBy(jake, "Dragons");

        assertErrors(api.updateArticle(jake.token(), slug, "{\"title\":\"\",\"description\":null,\"body\":\"  \"}"),
                422, Map.of("title", List.of("can't be blank"), "description", List.of("can't be blank"),
                        "body", List.of("can't be blank")));
        assertErrors(api.updateArticle(jake.token(), slug, "{\"title\":7,\"tagList\":[null]}"), 422,
                Map.of("title", List.of("must be a string"), "tagList", List.of("tag 1 must be a string")));
        assertErrors(api.updateArticle(jake.token(), slug, "{\"tagList\":[\"\"]}"), 422,
                Map.of("tagList", List.of("tag 1 can't be blank")));
        assertErrors(api.put("/api/articles/" + slug, "{\"body\":\"x\"}", jake.token()), 422,
                Map.of("article", List.of("can't be blank")));
        assertErrors(api.put("/api/articles/" + slug, "not json", jake.token()), 422,
                Map.of("body", List.of("is not valid JSON")));
        assertThat(api.article(slug, null).at("/article/title")).isEqualTo("Dragons");
    }

    @Test
    void onlyTheAuthorMayUpdateAnArticle() {
        String slug = api.givenAnArticleBy(jake, "Dragons");
        var other = api.registered("other");

        var reply = api.updateArticle(other.token(), slug, "{\"title\":\"Hijacked\"}");

        assertErrors(reply, 403, Map.of("forbidden", List.of("only the author may change an article")));
        assertThat(api.article(slug, null).at("/article/title")).isEqualTo("Dragons");
    }

    @Test
    void updatingAnUnknownArticleIs404AndWithoutATokenIs401() {
        String slug = api.givenAnArticleBy(jake, "Dragons");

        assertErrors(api.updateArticle(jake.token(), "no-such-article", "{\"title\":\"X\"}"), 404, ARTICLE_NOT_FOUND);
        assertErrors(api.updateArticle(null, slug, "{\"title\":\"X\"}"), 401, Map.of("token", List.of("is missing")));
    }

    // Deleting

    @Test
    void deletingAnswers204WithoutABodyAndTheArticleIsGoneWithItsCommentsAndFavorites() {
        var fan = api.registered("fan");
        String slug = api.givenAnArticleBy(jake, "Dragons", "only-here");
        api.givenACommentBy(fan, slug, "Nice");
        api.favorite(slug, fan.token());

        var reply = api.deleteArticle(jake.token(), slug);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
        assertThat(reply.header("Content-Type")).isNull();
        assertErrors(api.article(slug, null), 404, ARTICLE_NOT_FOUND);
        assertErrors(api.comments(slug, null), 404, ARTICLE_NOT_FOUND);
        assertErrors(api.favorite(slug, fan.token()), 404, ARTICLE_NOT_FOUND);
        assertThat(api.articles("?favorited=fan", null).body()).isEqualTo("{\"articles\":[],\"articlesCount\":0}");
        assertThat(api.articles("", null).body()).isEqualTo("{\"articles\":[],\"articlesCount\":0}");
        assertThat(texts(api.tags().json().get("tags"))).doesNotContain("only-here");
        assertErrors(api.deleteArticle(jake.token(), slug), 404, ARTICLE_NOT_FOUND);
    }

    @Test
    void onlyTheAuthorMayDeleteAnArticle() {
        String slug = api.givenAnArticleBy(jake, "Dragons");
        var other = api.registered("other");

        var reply = api.deleteArticle(other.token(), slug);

        assertErrors(reply, 403, Map.of("forbidden", List.of("only the author may delete an article")));
        assertThat(api.article(slug, null).status()).isEqualTo(200);
    }

    @Test
    void deletingAnUnknownArticleIs404AndWithoutATokenIs401() {
        String slug = api.givenAnArticleBy(jake, "Dragons");

        assertErrors(api.deleteArticle(jake.token(), "no-such-article"), 404, ARTICLE_NOT_FOUND);
        assertErrors(api.deleteArticle(jake.token(), "NOT%20A%20SLUG"), 404, ARTICLE_NOT_FOUND);
        assertErrors(api.deleteArticle(null, slug), 401, Map.of("token", List.of("is missing")));
        assertThat(api.article(slug, null).status()).isEqualTo(200);
    }

    @Test
    void aMethodTheArticleRouteDoesNotServeIs405() {
        String slug = api.givenAnArticleBy(jake, "Dragons");

        var reply = api.send(api.request("/api/articles/" + slug, jake.token())
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).contains("GET", "PUT", "DELETE");
    }

    private List<String> givenArticles(int count) {
        var slugs = new ArrayList<String>();
        for (int i = 1; i <= count; i++) {
            slugs.add(api.givenAnArticleBy(jake, "Article " + i));
        }
        return slugs;
    }

    static List<String> slugsOf(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return StreamSupport.stream(reply.json().get("articles").spliterator(), false)
                .map(article -> article.get("slug").asText())
                .toList();
    }

    static List<String> texts(JsonNode array) {
        assertThat(array.isArray()).as("%s is an array", array).isTrue();
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    static void assertProfile(JsonNode profile, String username, boolean following) {
        assertThat(profile.fieldNames()).toIterable().containsExactly("username", "bio", "image", "following");
        assertThat(profile.get("username").asText()).isEqualTo(username);
        assertThat(profile.get("following").asBoolean()).isEqualTo(following);
    }
}
