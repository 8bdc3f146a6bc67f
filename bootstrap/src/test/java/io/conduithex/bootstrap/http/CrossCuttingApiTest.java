package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossCuttingApiTest extends ApiTest {

    @Test
    void aCorsPreflightIsAnsweredForAnyOrigin() {
        var reply = api.send(api.request("/api/users", null)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:4200")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type"));

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(reply.header("Access-Control-Allow-Methods")).contains("GET", "POST", "PUT", "DELETE");
        assertThat(reply.header("Access-Control-Allow-Headers"))
                .contains("Content-Type", "Authorization", "X-Requested-With", "Idempotency-Key", "X-Request-Id");
        assertThat(reply.header("Access-Control-Max-Age")).isNotBlank();
    }

    @Test
    void anOrdinaryResponseCarriesTheAllowedOrigin() {
        var reply = api.send(api.request("/api/profiles/nobody", null).header("Origin", "http://localhost:4200").GET());

        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(reply.header("Access-Control-Expose-Headers"))
                .contains("X-Request-Id", "Idempotent-Replayed", "Retry-After");
    }

    @Test
    void anUnknownRouteIs404Json() {
        assertErrors(api.get("/api/no-such-thing", null), 404, Map.of("route", List.of("not found")));
    }

    @Test
    void aWrongMethodOnAKnownPathIs405Json() {
        var reply = api.send(api.request("/api/users/login", null).GET());

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(reply.header("Allow")).contains("POST");
    }

    @Test
    void everyResponseCarriesARequestId() {
        var registered = api.register("jake", "jake@jake.jake", "jakejake");
        var failed = api.get("/api/no-such-thing", null);
        var named = api.send(api.request("/api/no-such-thing", null).header("X-Request-Id", "trace-42").GET());

        assertThat(registered.header("X-Request-Id")).isNotBlank();
        assertThat(failed.header("X-Request-Id")).isNotBlank().isNotEqualTo(registered.header("X-Request-Id"));
        assertThat(named.header("X-Request-Id")).isEqualTo("trace-42");
    }

    @Test
    void everyErrorBodyNamesTheRequestIdOfItsResponse() {
        var failed = api.get("/api/no-such-thing", null);
        var named = api.send(api.request("/api/no-such-thing", null).header("X-Request-Id", "trace-43").GET());
        var unnamedBecauseInsane = api.send(api.request("/api/no-such-thing", null)
                .header("X-Request-Id", "not a sane id").GET());

        assertThat(failed.body()).isEqualTo(failed.errorBody("{\"route\":[\"not found\"]}"));
        assertThat(named.body()).isEqualTo("{\"errors\":{\"route\":[\"not found\"]},\"requestId\":\"trace-43\"}");
        assertThat(unnamedBecauseInsane.at("/requestId")).isNotEqualTo("not a sane id")
                .isEqualTo(unnamedBecauseInsane.header("X-Request-Id"));
    }

    @Test
    void aBodyOverOneMebibyteIs413Json() {
        String bio = "x".repeat(1024 * 1024 + 1);

        var reply = api.post("/api/users", "{\"user\":{\"bio\":\"" + bio + "\"}}", null);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    }
}
