package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** A client of the running application that speaks the API's terms; every request is bounded in time. */
final class ConduitApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    ConduitApi(URI base) {
        this.base = base;
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
        return send(request("/api/user", token).PUT(HttpRequest.BodyPublishers.ofString("{\"user\":" + userJson + "}"))
                .header("Content-Type", "application/json"));
    }

    Reply profile(String username, String token) {
        return get("/api/profiles/" + username, token);
    }

    Reply follow(String username, String token) {
        return post("/api/profiles/" + username + "/follow", "", token);
    }

    Reply unfollow(String username, String token) {
        return send(request("/api/profiles/" + username + "/follow", token).DELETE());
    }

    Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    Reply post(String path, String body, String token) {
        return send(request(path, token).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }

    HttpRequest.Builder request(String path, String token) {
        var builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        return token == null ? builder : builder.header("Authorization", "Token " + token);
    }

    Reply send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String user(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(Map.of("user", fields));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
