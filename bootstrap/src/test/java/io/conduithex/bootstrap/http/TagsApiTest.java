package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TagsApiTest extends ConduitApiTest {

    @Test
    void withoutArticlesThereAreNoTags() {
        var reply = api.tags();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(reply.body()).isEqualTo("{\"tags\":[]}");
    }

    @Test
    void everyTagInUseIsListedOnceAlphabetically() {
        var celeb = api.registered("celeb");
        api.givenAnArticleBy(jake, "Dragons", "dragons", "training");
        api.givenAnArticleBy(celeb, "Cats", "cats", "training");
        api.givenAnArticleBy(jake, "Untagged");

        assertThat(texts(api.tags().json().get("tags"))).containsExactly("cats", "dragons", "training");
    }

    @Test
    void tagsDifferingInLetterCaseAreTwoTags() {
        api.givenAnArticleBy(jake, "Dragons", "dragons", "Dragons");

        assertThat(texts(api.tags().json().get("tags"))).containsExactly("Dragons", "dragons");
    }

    @Test
    void aTagNoArticleUsesAnyMoreIsNotListed() {
        String slug = api.givenAnArticleBy(jake, "Dragons", "dragons", "training");
        String other = api.givenAnArticleBy(jake, "Cats", "cats");

        api.updateArticle(jake.token(), slug, "{\"tagList\":[\"wings\"]}");
        assertThat(texts(api.tags().json().get("tags"))).containsExactly("cats", "wings");

        api.deleteArticle(jake.token(), other);
        assertThat(texts(api.tags().json().get("tags"))).containsExactly("wings");
    }

    @Test
    void everyWriteIsSeenByTheNextRequestThoughTheAnswerIsRemembered() {
        assertThat(texts(api.tags().json().get("tags"))).isEmpty();

        String slug = api.givenAnArticleBy(jake, "Dragons", "dragons");
        assertThat(texts(api.tags().json().get("tags"))).containsExactly("dragons");

        api.updateArticle(jake.token(), slug, "{\"tagList\":[\"wings\"]}");
        assertThat(texts(api.tags().json().get("tags"))).containsExactly("wings");

        api.deleteArticle(jake.token(), slug);
        assertThat(texts(api.tags().json().get("tags"))).isEmpty();
    }

    @Test
    void theAnswerIsTheSameForEveryoneSoATokenIsNotLookedAt() {
        api.givenAnArticleBy(jake, "Dragons", "dragons");

        var anonymous = api.get("/api/tags", null);
        var signedIn = api.get("/api/tags", jake.token());
        var garbage = api.get("/api/tags", "garbage");

        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(garbage.status()).isEqualTo(200);
        assertThat(signedIn.body()).isEqualTo(anonymous.body()).isEqualTo(garbage.body())
                .isEqualTo("{\"tags\":[\"dragons\"]}");
    }
}
