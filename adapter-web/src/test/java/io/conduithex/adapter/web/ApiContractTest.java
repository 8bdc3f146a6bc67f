package io.conduithex.adapter.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.testsupport.kit.ApiContract;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/**
 * The check every HTTP test's exchanges go through ({@link ApiContract}, in the test support) does hold them to
 * the OpenAPI document: it names what breaks it, and lets through what the document allows.
 */
class ApiContractTest {
    private static final URI BASE = URI.create("http://127.0.0.1:8080");
    private static final String REQUEST_ID = "5d0c";
    private static final String USER = "{\"user\":{\"email\":\"jake@jake.jake\",\"token\":\"t\",\"username\":\"jake\","
            + "\"bio\":null,\"image\":null}}";

    @Test
    void aDocumentedAnswerToADocumentedRequestPasses() {
        assertThatCode(() -> ApiContract.checkExchange(get("/api/tags"), answer(200, "{\"tags\":[\"dragons\"]}")))
                .doesNotThrowAnyException();
        assertThatCode(() -> ApiContract.checkExchange(
                put("/api/user", "{\"user\":{\"email\":null,\"password\":\"\",\"bio\":null}}"), answer(200, USER)))
                .as("null and empty fields of PUT /api/user, a null bio in the answer")
                .doesNotThrowAnyException();
    }

    @Test
    void anAnswerWhoseBodyBreaksItsSchemaFailsNamingThePathAndTheField() {
        assertThatThrownBy(() -> ApiContract.checkExchange(get("/api/tags"), answer(200, "{\"tag\":[\"dragons\"]}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /api/tags -> 200")
                .hasMessageContaining("tags");
        assertThatThrownBy(() -> ApiContract.checkExchange(get("/api/user"),
                answer(200, "{\"user\":{\"email\":\"jake@jake.jake\",\"username\":\"jake\"}}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("token");
    }

    @Test
    void aNullIsTakenWhereTheTypeListsNullAndNowhereElse() {
        assertThatThrownBy(() -> ApiContract.checkExchange(get("/api/user"), answer(200,
                "{\"user\":{\"email\":\"jake@jake.jake\",\"token\":\"t\",\"username\":null,\"bio\":null,"
                        + "\"image\":null}}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /api/user -> 200")
                .hasMessageContaining("/user/username");
    }

    @Test
    void aHeaderTheResponseDoesNotDocumentFailsNamingIt() {
        var extra = answer(200, "{\"tags\":[]}", Map.of("X-Cache-Hit", List.of("yes"),
                "Cache-Control", List.of("no-store"), "Vary", List.of("Origin")));
        assertThatThrownBy(() -> ApiContract.checkExchange(get("/api/tags"), extra))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /api/tags -> 200")
                .hasMessageContaining("header X-Cache-Hit: not documented")
                .hasMessageNotContaining("Cache-Control")
                .hasMessageNotContaining("Vary");
        var replayed = answer(201, "{\"comment\":{\"id\":1,\"createdAt\":\"2026-01-01T00:00:00.000Z\","
                + "\"updatedAt\":\"2026-01-01T00:00:00.000Z\",\"body\":\"b\",\"author\":{\"username\":\"jake\","
                + "\"bio\":null,\"image\":null,\"following\":false}}}",
                Map.of("Idempotent-Replayed", List.of("true")));
        assertThatCode(() -> ApiContract.checkAnswer(post("/api/articles/a/comments", "{}"), replayed))
                .as("a header this response documents").doesNotThrowAnyException();
        assertThatThrownBy(() -> ApiContract.checkExchange(get("/api/tags"),
                answer(200, "{\"tags\":[]}", Map.of("Idempotent-Replayed", List.of("true")))))
                .as("a header documented for other responses only")
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("header Idempotent-Replayed: not documented");
    }

    @Test
    void aDocumentedHeaderWhoseValueBreaksItsSchemaFails() {
        var unavailable = answer(503, "{\"errors\":{\"database\":[\"unavailable\"]},\"requestId\":\""
                + REQUEST_ID + "\"}", Map.of("Retry-After", List.of("soon")));
        assertThatThrownBy(() -> ApiContract.checkExchange(get("/api/tags"), unavailable))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /api/tags -> 503")
                .hasMessageContaining("Retry-After");
    }

    @Test
    void anErrorWithoutTheDocumentedShapeFails() {
        assertThatThrownBy(() -> ApiContract.checkExchange(get("/api/articles/nothing"),
                answer(404, "{\"errors\":{\"article\":\"not found\"}}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /api/articles/nothing -> 404")
                .hasMessageContaining("requestId");
        assertThatCode(() -> ApiContract.checkExchange(get("/api/articles/nothing"),
                answer(404, "{\"errors\":{\"article\":[\"not found\"]},\"requestId\":\"" + REQUEST_ID + "\"}")))
                .doesNotThrowAnyException();
    }

    @Test
    void aRequestTheDocumentRefusesMustBeRefusedByTheServer() {
        var outOfBounds = get("/api/articles?limit=101");
        assertThatThrownBy(() -> ApiContract.checkExchange(outOfBounds,
                answer(200, "{\"articles\":[],\"articlesCount\":0}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the document refuses this request")
                .hasMessageContaining("limit");
        assertThatCode(() -> ApiContract.checkExchange(outOfBounds, answer(422,
                "{\"errors\":{\"limit\":[\"must be 1 to 100\"]},\"requestId\":\"" + REQUEST_ID + "\"}")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ApiContract.checkExchange(post("/api/users", "{\"user\":{\"email\":\"a@b.c\"}}"),
                answer(201, USER)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the document refuses this request");
    }

    @Test
    void checkingTheAnswerAloneIgnoresWhatTheRequestBreaks() {
        var broken = post("/api/users", "{\"user\":{\"email\":\"a@b.c\"}}");
        assertThatCode(() -> ApiContract.checkAnswer(broken, answer(201, USER))).doesNotThrowAnyException();
        assertThatThrownBy(() -> ApiContract.checkAnswer(broken, answer(422, "{\"errors\":{}}")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("requestId");
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(BASE.resolve(path)).GET().build();
    }

    private static HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(BASE.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpRequest put(String path, String json) {
        return HttpRequest.newBuilder(BASE.resolve(path)).header("Content-Type", "application/json")
                .header("Authorization", "Token t").PUT(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpResponse<String> answer(int status, String json) {
        return answer(status, json, Map.of());
    }

    /** An answer with the headers every JSON answer has, and {@code more}. */
    private static HttpResponse<String> answer(int status, String json, Map<String, List<String>> more) {
        Map<String, List<String>> all = new HashMap<>(more);
        all.put("Content-Type", List.of("application/json; charset=utf-8"));
        all.put("X-Request-Id", List.of(REQUEST_ID));
        var headers = HttpHeaders.of(all, (name, value) -> true);
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpRequest request() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<HttpResponse<String>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public HttpHeaders headers() {
                return headers;
            }

            @Override
            public String body() {
                return json;
            }

            @Override
            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            @Override
            public URI uri() {
                return BASE;
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }
}
