package io.conduithex.bootstrap.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conduithex.testsupport.kit.HttpCalls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The few API calls the fault tests make, each timed and turned into a {@link Call} whatever happens: an
 * answer of any status, or no answer at all (refused, reset, or past {@link #REQUEST_TIMEOUT}). Never throws
 * for the server's behaviour, so that a load thread records a failure instead of dying of it. Thread-safe.
 */
final class ConduitClient {

    /**
     * How long one request may take before the client gives up. Far above every bound the tests assert, so a
     * request that hangs shows up as a duration over the bound (and a failure), not as a test that never ends.
     */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpCalls http;

    ConduitClient(URI base) {
        this.http = new HttpCalls(base, REQUEST_TIMEOUT);
    }

    static String passwordOf(String username) {
        return "password-of-" + username;
    }

    /** Registers {@code username}; acknowledges the username on 201. */
    Call register(String username) {
        String body = json(Map.of("user", Map.of("username", username, "email", username + "@conduit.test",
                "password", passwordOf(username))));
        return send(Operation.REGISTER, post("/api/users", body, null), reply -> username);
    }

    /** Publishes an article titled {@code title}; acknowledges its slug on 201. */
    Call createArticle(String token, String title) {
        String body = json(Map.of("article", Map.of("title", title, "description", "About " + title,
                "body", "All about " + title, "tagList", List.of("faults"))));
        return send(Operation.CREATE_ARTICLE, post("/api/articles", body, token),
                reply -> reply.at("/article/slug").asText());
    }

    /** Comments on {@code slug}; acknowledges the comment's id on 201. */
    Call comment(String token, String slug, String text) {
        String body = json(Map.of("comment", Map.of("body", text)));
        return send(Operation.COMMENT, post("/api/articles/" + slug + "/comments", body, token),
                reply -> reply.at("/comment/id").asText());
    }

    /** Comments on {@code slug} with an {@code Idempotency-Key}; acknowledges the comment's id on 201. */
    Call keyedComment(String token, String slug, String text, String key) {
        String body = json(Map.of("comment", Map.of("body", text)));
        return send(Operation.COMMENT, post("/api/articles/" + slug + "/comments", body, token)
                .header("Idempotency-Key", key), reply -> reply.at("/comment/id").asText());
    }

    Call listArticles() {
        return send(Operation.LIST_ARTICLES, request("/api/articles?limit=5", null).GET(), null);
    }

    Call article(String slug) {
        return send(Operation.GET_ARTICLE, request("/api/articles/" + slug, null).GET(), null);
    }

    Call tags() {
        return send(Operation.OTHER, request("/api/tags", null).GET(), null);
    }

    Call profile(String username) {
        return send(Operation.OTHER, request("/api/profiles/" + username, null).GET(), null);
    }

    /** The token a successful registration returned. */
    static String tokenOf(Call registration) {
        if (registration.status() != 201) {
            throw new AssertionError("registration failed: " + registration);
        }
        return registration.json().at("/user/token").asText();
    }

    private interface Acknowledgement {
        String of(JsonNode reply);
    }

    private Call send(Operation operation, HttpRequest.Builder builder, Acknowledgement acknowledgement) {
        HttpRequest request = builder.build();
        String target = request.method() + " " + request.uri().getPath();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.exchange(request);
            long finished = System.nanoTime();
            String acknowledged = null;
            String unreadable = null;
            int status = response.statusCode();
            if (acknowledgement != null && status >= 200 && status < 300) {
                try {
                    acknowledged = acknowledgement.of(JSON.readTree(response.body()));
                } catch (JsonProcessingException e) {
                    // Answered, but what it acknowledged cannot be told: the tests count that as a failure.
                    unreadable = "unreadable acknowledgement: " + e.getMessage();
                }
            }
            return new Call(operation, target, status, response.body(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null), started, finished, acknowledged,
                    unreadable);
        } catch (IOException e) {
            return new Call(operation, target, Call.NO_ANSWER, null, null, null, started, System.nanoTime(), null,
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Call(operation, target, Call.NO_ANSWER, null, null, null, started, System.nanoTime(), null,
                    "interrupted");
        }
    }

    private HttpRequest.Builder post(String path, String body, String token) {
        return http.request("POST", path, body, token);
    }

    private HttpRequest.Builder request(String path, String token) {
        return http.request(path, token);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
