package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conduithex.bootstrap.http.ConduitApi.Reply;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.SqliteApplicationExtension;
import io.conduithex.testsupport.kit.CapturedLogs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the HTTP tests of the API: the real app on a fresh SQLite database per test (its log printed only when
 * the test fails), a client for it, and the assertions on answers that every such test makes.
 */
@ExtendWith(CapturedLogs.class)
abstract class ApiTest {
    static final Map<String, List<String>> ARTICLE_NOT_FOUND = Map.of("article", List.of("not found"));

    @RegisterExtension
    final SqliteApplicationExtension app = TestApplication.onFreshSqlite();

    ConduitApi api;

    @BeforeEach
    final void connect() {
        api = new ConduitApi(app.baseUri());
    }

    /** The answer is {@code status} with the RealWorld error body {@code errors} and its request id. */
    static void assertErrors(Reply reply, int status, Map<String, List<String>> errors) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        var expected = new LinkedHashMap<String, Object>();
        expected.put("errors", errors);
        expected.put("requestId", reply.header("X-Request-Id"));
        assertThat(reply.header("X-Request-Id")).isNotBlank();
        assertThat(reply.json()).isEqualTo(new ObjectMapper().valueToTree(expected));
    }

    /** The slugs of a 200 answer's articles, in order. */
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
