package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.http.ConduitApi.Reply;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.SqliteApplicationExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The audit trail through the API: each write leaves one event with its actor, entity, request id and the names
 * of the fields it set (never their values); a refused write leaves none; {@code GET /admin/audit} pages newest
 * first by cursor and filters by actor, entity and time.
 */
class AuditTrailApiTest {
    @RegisterExtension
    final SqliteApplicationExtension app = new SqliteApplicationExtension(TestApplication.launcher(
            TestApplication.config(Map.of(AppConfig.ADMIN_TOKEN, AdminCalls.TOKEN))));

    private ConduitApi api;
    private AdminCalls admin;

    @BeforeEach
    void connect() {
        api = new ConduitApi(app.baseUri());
        admin = new AdminCalls(api);
    }

    @Test
    void everyKindOfWriteLeavesOneEventNamingItsFieldsAndRequest() {
        var jake = api.registered("jake");
        var jane = api.registered("jane");
        String slug = api.givenAnArticleBy(jake, "Audited", "audit");
        var update = api.updateArticle(jake.token(), slug, "{\"title\":\"Audited again\",\"body\":\"new body\"}");
        long comment = api.givenACommentBy(jane, slug, "A comment");
        api.favorite(slug, jane.token());
        api.favorite(slug, jane.token());
        api.follow("jake", jane.token());
        api.unfollow("jake", jane.token());
        api.updatedUser(jane, "{\"bio\":\"hello\",\"password\":\"a-new-password-9\"}");
        api.deleteComment(jane.token(), slug, Long.toString(comment));
        api.unfavorite(slug, jane.token());
        api.deleteArticle(jake.token(), slug);

        var events = all("");

        assertThat(events).extracting(e -> e.get("action").asText()).containsExactly(
                "article.deleted", "article.unfavorited", "comment.deleted", "user.updated", "user.unfollowed",
                "user.followed", "article.favorited", "comment.added", "article.updated", "article.created",
                "user.registered", "user.registered");
        var articleUpdated = events.get(8);
        assertThat(articleUpdated.get("entityType").asText()).isEqualTo("article");
        assertThat(texts(articleUpdated.get("changedFields"))).containsExactly("title", "body");
        assertThat(articleUpdated.get("requestId").asText()).isEqualTo(update.header("X-Request-Id"));
        assertThat(texts(events.get(3).get("changedFields"))).containsExactly("password", "bio");
        assertThat(events.get(11).get("actor").isNull()).as("a registration is anonymous").isTrue();
        assertThat(events.get(10).get("actor").isNull()).isTrue();
        assertThat(events.toString()).doesNotContain("a-new-password-9", ConduitApi.passwordOf("jake"), "hello",
                "new body", "A comment");
    }

    @Test
    void aRefusedWriteLeavesNoEvent() {
        var jake = api.registered("jake");
        int before = all("").size();

        assertThat(api.createArticle(jake.token(), "{\"title\":\"\",\"description\":\"d\",\"body\":\"b\"}").status())
                .isEqualTo(422);
        assertThat(api.register("jake", "other@conduit.test", "password-123").status()).isEqualTo(422);

        assertThat(all("")).hasSize(before);
    }

    @Test
    void pagesFollowTheCursorAndFiltersNarrowThem() {
        var jake = api.registered("jake");
        var jane = api.registered("jane");
        for (int i = 0; i < 5; i++) {
            api.givenAnArticleBy(jake, "Article " + i);
        }
        api.givenAnArticleBy(jane, "Jane's");

        var first = audit("/admin/audit?limit=3");
        var second = audit("/admin/audit?limit=3&cursor=" + first.json().get("next").asText());

        assertThat(ids(first)).hasSize(3);
        assertThat(ids(second)).hasSize(3).doesNotContainAnyElementsOf(ids(first));
        assertThat(all("&actor=" + actorOf(all("&entityType=article").get(0))))
                .extracting(e -> e.get("action").asText()).containsExactly("article.created");
        var jakesArticles = all("&actor=" + actorOf(all("&entityType=article").get(1)) + "&entityType=article");
        assertThat(jakesArticles).hasSize(5);
        String entityId = all("&entityType=article").get(0).get("entityId").asText();
        assertThat(all("&entityType=article&entityId=" + entityId)).hasSize(1);
        assertThat(all("&to=2000-01-01T00:00:00Z")).isEmpty();
        assertThat(all("&from=2000-01-01T00:00:00Z")).hasSize(8);
    }

    @Test
    void badParametersAre422NamingEachOne() {
        var reply = audit("/admin/audit?limit=0&actor=x&entityType=planet&from=yesterday&cursor=%25%25");

        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(reply.json().get("errors").properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("limit", "actor", "entityType", "from", "cursor");
        assertThat(audit("/admin/audit?entityId=3").json().at("/errors/entityId").isArray()).isTrue();
    }

    private Reply audit(String pathAndQuery) {
        return admin.call(new AdminCalls.Endpoint("GET", pathAndQuery));
    }

    /** Every event the filters select, walked page by page with the cursor. */
    private List<JsonNode> all(String filters) {
        List<JsonNode> events = new ArrayList<>();
        String cursor = "";
        for (int pages = 0; pages < 100; pages++) {
            var page = audit("/admin/audit?limit=4" + filters + cursor);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("events").forEach(events::add);
            if (page.json().get("next").isNull()) {
                return events;
            }
            cursor = "&cursor=" + page.json().get("next").asText();
        }
        throw new AssertionError("the cursor never reached the end");
    }

    private static List<Long> ids(Reply page) {
        return StreamSupport.stream(page.json().get("events").spliterator(), false).map(e -> e.get("id").asLong())
                .toList();
    }

    private static String actorOf(JsonNode event) {
        return event.get("actor").asText();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
