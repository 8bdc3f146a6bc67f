package io.conduithex.bootstrap.http;

import static io.conduithex.bootstrap.http.ConduitApi.TIMESTAMP;
import static io.conduithex.bootstrap.http.ConduitApi.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Creating an article and reading it by its slug, over HTTP. */
class ArticlesApiTest extends ConduitApiTest {

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
}
