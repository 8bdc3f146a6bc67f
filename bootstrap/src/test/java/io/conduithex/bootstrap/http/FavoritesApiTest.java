package io.conduithex.bootstrap.http;

import static io.conduithex.bootstrap.http.ConduitApi.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.http.ConduitApi.Account;
import io.conduithex.bootstrap.http.ConduitApi.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FavoritesApiTest extends ConduitApiTest {

    private Account fan;
    private String slug;

    @BeforeEach
    void givenAnArticleByJake() {
        fan = api.registered("fan");
        slug = api.givenAnArticleBy(jake, "Dragons", "dragons");
    }

    @Test
    void favoritingAnswersTheWholeArticleFavoritedOnce() {
        var reply = api.favorite(slug, fan.token());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        var article = reply.json().get("article");
        assertThat(article.fieldNames()).toIterable().containsExactly("slug", "title", "description", "body",
                "tagList", "createdAt", "updatedAt", "favorited", "favoritesCount", "author");
        assertThat(article.get("slug").asText()).isEqualTo(slug);
        assertThat(article.get("body").asText()).isEqualTo("All about Dragons");
        assertThat(article.get("createdAt").asText()).matches(TIMESTAMP);
        assertFavorite(reply, true, 1);
    }

    @Test
    void favoritingTwiceIsLikeFavoritingOnce() {
        api.favorite(slug, fan.token());

        assertFavorite(api.favorite(slug, fan.token()), true, 1);
        assertFavorite(api.article(slug, fan.token()), true, 1);
    }

    @Test
    void unfavoritingTakesTheFavoriteBackAndIsIdempotent() {
        api.favorite(slug, fan.token());

        assertFavorite(api.unfavorite(slug, fan.token()), false, 0);
        assertFavorite(api.unfavorite(slug, fan.token()), false, 0);
        assertFavorite(api.article(slug, null), false, 0);
    }

    @Test
    void unfavoritingWhatWasNeverFavoritedChangesNothing() {
        api.favorite(slug, jake.token());

        assertFavorite(api.unfavorite(slug, fan.token()), false, 1);
    }

    @Test
    void theCountIsEveryonesButTheFlagIsTheReaders() {
        var other = api.registered("other");
        var stranger = api.registered("stranger");
        api.favorite(slug, fan.token());
        api.favorite(slug, other.token());

        assertFavorite(api.article(slug, fan.token()), true, 2);
        assertFavorite(api.article(slug, other.token()), true, 2);
        assertFavorite(api.article(slug, stranger.token()), false, 2);
        assertFavorite(api.article(slug, null), false, 2);
        var listed = api.articles("", fan.token());
        assertThat(listed.json().at("/articles/0/favorited").asBoolean()).isTrue();
        assertThat(listed.json().at("/articles/0/favoritesCount").asLong()).isEqualTo(2);
    }

    @Test
    void authorsMayFavoriteTheirOwnArticles() {
        assertFavorite(api.favorite(slug, jake.token()), true, 1);
    }

    @Test
    void theFavoritedFilterFollowsFavoritingAndUnfavoriting() {
        String other = api.givenAnArticleBy(jake, "Cats");
        api.favorite(slug, fan.token());
        api.favorite(other, fan.token());

        assertThat(slugsOf(api.articles("?favorited=fan", null))).containsExactly(other, slug);

        api.unfavorite(other, fan.token());

        assertThat(slugsOf(api.articles("?favorited=fan", null))).containsExactly(slug);
    }

    @Test
    void favoritingAnUnknownArticleIs404() {
        assertErrors(api.favorite("no-such-article", fan.token()), 404, ARTICLE_NOT_FOUND);
        assertErrors(api.unfavorite("no-such-article", fan.token()), 404, ARTICLE_NOT_FOUND);
        assertErrors(api.favorite("NOT_A_SLUG", fan.token()), 404, ARTICLE_NOT_FOUND);
    }

    @Test
    void favoritingWithoutATokenIs401() {
        assertErrors(api.favorite(slug, null), 401, Map.of("token", List.of("is missing")));
        assertErrors(api.unfavorite(slug, null), 401, Map.of("token", List.of("is missing")));
        assertErrors(api.favorite(slug, "garbage"), 401, Map.of("token", List.of("is invalid")));
        assertFavorite(api.article(slug, null), false, 0);
    }

    @Test
    void deletingTheArticleDeletesItsFavorites() {
        api.favorite(slug, fan.token());

        assertThat(api.deleteArticle(jake.token(), slug).status()).isEqualTo(204);

        assertThat(api.articles("?favorited=fan", null).body()).isEqualTo("{\"articles\":[],\"articlesCount\":0}");
        assertErrors(api.unfavorite(slug, fan.token()), 404, ARTICLE_NOT_FOUND);
        String again = api.givenAnArticleBy(jake, "Dragons");
        assertFavorite(api.article(again, fan.token()), false, 0);
    }

    private static void assertFavorite(Reply reply, boolean favorited, long count) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().at("/article/favorited").asBoolean()).as("favorited in %s", reply.body())
                .isEqualTo(favorited);
        assertThat(reply.json().at("/article/favoritesCount").asLong()).as("favoritesCount in %s", reply.body())
                .isEqualTo(count);
    }
}
