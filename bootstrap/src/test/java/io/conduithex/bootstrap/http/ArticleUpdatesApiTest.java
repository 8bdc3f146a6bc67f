package io.conduithex.bootstrap.http;

import static io.conduithex.bootstrap.http.ConduitApi.TIMESTAMP;
import static io.conduithex.bootstrap.http.ConduitApi.article;
import static io.conduithex.bootstrap.http.ConduitApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Updating and deleting an article over HTTP, by its author only. */
class ArticleUpdatesApiTest extends ConduitApiTest {

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

    @ParameterizedTest(name = "{0}")
    @CsvSource({"description, New summary", "body, With two hands"})
    void updatingOneFieldAloneChangesOnlyIt(String field, String value) {
        String slug = api.givenAnArticleBy(jake, "Dragons", "dragons");
        var expected = new HashMap<>(Map.of("title", "Dragons", "description", "About Dragons",
                "body", "All about Dragons"));
        expected.put(field, value);

        var after = api.updateArticle(jake.token(), slug, json(Map.of(field, value))).json().get("article");

        expected.forEach((name, text) -> assertThat(after.get(name).asText()).as(name).isEqualTo(text));
        assertThat(texts(after.get("tagList"))).containsExactly("dragons");
        assertThat(api.article(slug, null).at("/article/" + field)).isEqualTo(value);
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
}
