package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.http.ConduitApi.Account;
import io.conduithex.bootstrap.http.ConduitApi.Reply;
import io.conduithex.testsupport.kit.Race;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Idempotency-Key header over HTTP: a keyed write runs once and its retries get its response again byte for
 * byte; keys belong to their caller; a key reused for another request, a key still in use and a malformed key
 * each get their own answer, and none of them writes anything. Malformed keys are in {@link HostileCases}.
 */
class IdempotencyKeysApiTest extends ApiTest {
    private static final String ARTICLE = "{\"article\":" + ConduitApi.article("Exactly once", "d", "b", "once") + "}";

    private Account jake;

    @BeforeEach
    void register() {
        jake = api.registered("jake");
    }

    @Test
    void aRetriedCreateGetsTheFirstAnswerAgainAndMakesNoSecondArticle() {
        var first = api.keyed("POST", "/api/articles", ARTICLE, jake.token(), "create-1");
        var retry = api.keyed("POST", "/api/articles", ARTICLE, jake.token(), "create-1");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header(KEYED_REPLAY)).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header(KEYED_REPLAY)).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(articleCount()).isEqualTo(1);
    }

    @Test
    void withoutAKeyEverySendIsANewWrite() {
        api.post("/api/articles", ARTICLE, jake.token());
        api.post("/api/articles", ARTICLE, jake.token());

        assertThat(articleCount()).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422NamingTheHeaderAndWritesNothing() {
        api.keyed("POST", "/api/articles", ARTICLE, jake.token(), "create-1");
        String other = "{\"article\":" + ConduitApi.article("Another title", "d", "b") + "}";

        var reply = api.keyed("POST", "/api/articles", other, jake.token(), "create-1");

        assertErrors(reply, 422, Map.of("Idempotency-Key", List.of("was already used for a different request")));
        assertThat(articleCount()).isEqualTo(1);
    }

    @Test
    void theSameKeyOnAnotherPathIsAnotherRequest() {
        String slug = api.givenAnArticleBy(jake, "Commented");
        api.keyed("POST", "/api/articles/" + slug + "/comments", comment("first"), jake.token(), "k");

        var reply = api.keyed("POST", "/api/articles/" + slug + "/favorite", null, jake.token(), "k");

        assertThat(reply.status()).isEqualTo(422);
    }

    @Test
    void oneUsersKeyNeverReplaysAnotherUsersResponse() {
        var jane = api.registered("jane");
        String slug = api.givenAnArticleBy(jake, "Commented");
        String path = "/api/articles/" + slug + "/comments";

        var jakes = api.keyed("POST", path, comment("same words"), jake.token(), "shared-key");
        var janes = api.keyed("POST", path, comment("same words"), jane.token(), "shared-key");

        assertThat(janes.status()).isEqualTo(201);
        assertThat(janes.header(KEYED_REPLAY)).isNull();
        assertThat(janes.at("/comment/author/username")).isEqualTo("jane");
        assertThat(jakes.at("/comment/author/username")).isEqualTo("jake");
        assertThat(api.comments(slug, null).json().get("comments")).hasSize(2);
    }

    @Test
    void aRegistrationKeyIsTheKeyAloneAndItsReplayCarriesTheSameToken() {
        String body = ConduitApi.user(Map.of("username", "newcomer", "email", "newcomer@conduit.test",
                "password", "newcomer-password"));

        var first = api.keyed("POST", "/api/users", body, null, "signup-7f3a");
        var retry = api.keyed("POST", "/api/users", body, null, "signup-7f3a");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header(KEYED_REPLAY)).isEqualTo("true");
        assertThat(retry.at("/user/token")).isEqualTo(first.at("/user/token"));
    }

    @Test
    void aFailedRequestStoresNothingSoTheCorrectedOneMayUseTheKey() {
        String blankTitle = "{\"article\":" + ConduitApi.article("", "d", "b") + "}";

        var refused = api.keyed("POST", "/api/articles", blankTitle, jake.token(), "create-2");
        var corrected = api.keyed("POST", "/api/articles", ARTICLE, jake.token(), "create-2");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.header(KEYED_REPLAY)).isNull();
        assertThat(articleCount()).isEqualTo(1);
    }

    @Test
    void aRetriedDeleteAnswers204AgainInsteadOf404() {
        String slug = api.givenAnArticleBy(jake, "Short lived");

        var first = api.keyed("DELETE", "/api/articles/" + slug, null, jake.token(), "delete-1");
        var retry = api.keyed("DELETE", "/api/articles/" + slug, null, jake.token(), "delete-1");

        assertThat(first.status()).isEqualTo(204);
        assertThat(retry.status()).isEqualTo(204);
        assertThat(retry.header(KEYED_REPLAY)).isEqualTo("true");
        assertThat(retry.body()).isEmpty();
        assertThat(api.deleteArticle(jake.token(), slug).status()).as("unkeyed, the article is gone").isEqualTo(404);
    }

    @Test
    void aKeyOfTheLongestLengthIsAccepted() {
        var reply = api.keyed("POST", "/api/articles", ARTICLE, jake.token(), "~".repeat(255));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    @Test
    void twentyIdenticalRequestsAtOnceMakeOneComment() throws Exception {
        String slug = api.givenAnArticleBy(jake, "Raced");
        String path = "/api/articles/" + slug + "/comments";

        List<Reply> replies = Race.run(20, i -> () -> api.keyed("POST", path, comment("once"), jake.token(), "race"));

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.body()).isIn(201, 409));
        assertThat(replies).filteredOn(reply -> reply.status() == 201 && reply.header(KEYED_REPLAY) == null)
                .hasSize(1);
        assertThat(replies).filteredOn(reply -> reply.status() == 409)
                .allSatisfy(reply -> assertThat(reply.header("Retry-After")).isEqualTo("1"));
        assertThat(api.comments(slug, null).json().get("comments")).hasSize(1);
        api.assertNoServerErrors();
    }

    private static final String KEYED_REPLAY = "Idempotent-Replayed";

    private static String comment(String body) {
        return ConduitApi.json(Map.of("comment", Map.of("body", body)));
    }

    private int articleCount() {
        return DatabaseRows.read(app.database()).counts().get("articles");
    }
}
