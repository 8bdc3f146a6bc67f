package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conduithex.testsupport.kit.HttpCalls;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A client of the running application that speaks the API's terms, over {@link HttpCalls}; every request is
 * bounded in time. It remembers every answer with status 500, so that a test can insist at the end that there
 * was none. Thread-safe.
 */
final class ConduitApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How the API writes instants: UTC, always three fraction digits. */
    static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    private final HttpCalls http;
    private final List<String> serverErrors = new ArrayList<>();

    ConduitApi(URI base) {
        this.http = new HttpCalls(base, Duration.ofSeconds(30));
    }

    /** A registered user, with the token registration returned. */
    record Account(String username, String email, String password, String token) {
    }

    /** A response: status, headers and body. */
    record Reply(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** The text at a JSON pointer such as {@code /user/email}; null when the value is JSON null. */
        String at(String pointer) {
            JsonNode node = json().at(pointer);
            assertThat(node.isMissingNode()).as("%s in %s", pointer, body).isFalse();
            return node.isNull() ? null : node.asText();
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /**
         * The error body this reply should have: the RealWorld {@code {"errors":errors}} with the reply's
         * X-Request-Id beside it as {@code requestId}.
         */
        String errorBody(String errors) {
            String requestId = header("X-Request-Id");
            assertThat(requestId).as("X-Request-Id of %s", body).isNotBlank();
            return "{\"errors\":" + errors + ",\"requestId\":\"" + requestId + "\"}";
        }
    }

    static String emailOf(String username) {
        return username.toLowerCase(Locale.ROOT) + "@conduit.test";
    }

    static String passwordOf(String username) {
        return "password-of-" + username;
    }

    /** Registers {@code username} (e-mail and password derived from it) and insists that it worked. */
    Account registered(String username) {
        var reply = register(username, emailOf(username), passwordOf(username));
        assertThat(reply.status()).as("registering %s: %s", username, reply.body()).isEqualTo(201);
        return new Account(username, emailOf(username), passwordOf(username), reply.at("/user/token"));
    }

    Reply register(String username, String email, String password) {
        return post("/api/users", user(Map.of("username", username, "email", email, "password", password)), null);
    }

    Reply login(String email, String password) {
        return post("/api/users/login", user(Map.of("email", email, "password", password)), null);
    }

    Reply currentUser(String token) {
        return get("/api/user", token);
    }

    Reply updateUser(String token, String userJson) {
        return put("/api/user", "{\"user\":" + userJson + "}", token);
    }

    /** Updates {@code account}'s user with the fields of {@code userJson} and insists that it worked. */
    Reply updatedUser(Account account, String userJson) {
        var reply = updateUser(account.token(), userJson);
        assertThat(reply.status()).as("updating %s with %s: %s", account.username(), userJson, reply.body())
                .isEqualTo(200);
        return reply;
    }

    Reply profile(String username, String token) {
        return get("/api/profiles/" + username, token);
    }

    Reply follow(String username, String token) {
        return post("/api/profiles/" + username + "/follow", "", token);
    }

    Reply unfollow(String username, String token) {
        return delete("/api/profiles/" + username + "/follow", token);
    }

    // Articles

    /** Publishes an article by {@code author} and insists that it worked; returns its slug. */
    String givenAnArticleBy(Account author, String title, String... tags) {
        var reply = createArticle(author.token(), article(title, "About " + title, "All about " + title, tags));
        assertThat(reply.status()).as("creating %s: %s", title, reply.body()).isEqualTo(201);
        return reply.at("/article/slug");
    }

    /** The JSON of an article's fields, for a request body. */
    static String article(String title, String description, String body, String... tags) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("title", title);
        fields.put("description", description);
        fields.put("body", body);
        fields.put("tagList", List.of(tags));
        return json(fields);
    }

    Reply createArticle(String token, String articleJson) {
        return post("/api/articles", "{\"article\":" + articleJson + "}", token);
    }

    Reply article(String slug, String token) {
        return get("/api/articles/" + slug, token);
    }

    /** GET /api/articles with a query such as {@code ?tag=dragons&limit=2}, or "" for none. */
    Reply articles(String query, String token) {
        return get("/api/articles" + query, token);
    }

    Reply feed(String query, String token) {
        return get("/api/articles/feed" + query, token);
    }

    Reply updateArticle(String token, String slug, String articleJson) {
        return put("/api/articles/" + slug, "{\"article\":" + articleJson + "}", token);
    }

    Reply deleteArticle(String token, String slug) {
        return delete("/api/articles/" + slug, token);
    }

    Reply favorite(String slug, String token) {
        return post("/api/articles/" + slug + "/favorite", "", token);
    }

    Reply unfavorite(String slug, String token) {
        return delete("/api/articles/" + slug + "/favorite", token);
    }

    // Comments

    Reply addComment(String token, String slug, String body) {
        return post("/api/articles/" + slug + "/comments", json(Map.of("comment", Map.of("body", body))), token);
    }

    /** Comments on {@code slug} by {@code author}, insisting that it worked; returns the comment's id. */
    long givenACommentBy(Account author, String slug, String body) {
        var reply = addComment(author.token(), slug, body);
        assertThat(reply.status()).as("commenting on %s: %s", slug, reply.body()).isEqualTo(201);
        return reply.json().at("/comment/id").asLong();
    }

    Reply comments(String slug, String token) {
        return get("/api/articles/" + slug + "/comments", token);
    }

    Reply deleteComment(String token, String slug, String id) {
        return delete("/api/articles/" + slug + "/comments/" + id, token);
    }

    Reply tags() {
        return get("/api/tags", null);
    }

    // Plumbing

    Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    Reply post(String path, String body, String token) {
        return send(http.request("POST", path, body, token));
    }

    Reply put(String path, String body, String token) {
        return send(http.request("PUT", path, body, token));
    }

    Reply delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    HttpRequest.Builder request(String path, String token) {
        return http.request(path, token);
    }

    /** {@code method} on {@code path} with {@code body} (null for none), sent with an {@code Idempotency-Key}. */
    Reply keyed(String method, String path, String body, String token, String key) {
        return send(http.request(method, path, body, token).header("Idempotency-Key", key));
    }

    Reply send(HttpRequest.Builder request) {
        var built = request.build();
        var response = http.send(built);
        if (response.statusCode() == 500) {
            synchronized (serverErrors) {
                serverErrors.add(built.method() + " " + built.uri() + " -> " + response.body());
            }
        }
        return new Reply(response.statusCode(), response.headers(), response.body());
    }

    /** Fails when any request so far was answered with 500. */
    void assertNoServerErrors() {
        synchronized (serverErrors) {
            assertThat(serverErrors).as("requests answered with 500").isEmpty();
        }
    }

    static String user(Map<String, String> fields) {
        return json(Map.of("user", fields));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
