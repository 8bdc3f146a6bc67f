package io.conduithex.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.conduithex.domain.failure.DatabaseUnavailableException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server's answers over a real socket: JSON errors for every failure, CORS, and request ids that tie an
 * answer to its log line. */
class WebServerAnswersTest extends WebServerTest {

    @Test
    void anUnknownRouteIs404Json() throws Exception {
        start(WebSettings.defaults());

        var response = send(get("/api/nothing-here"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertJson(response);
        assertThat(response.body()).isEqualTo(errorBody(response, "{\"route\":[\"not found\"]}"));
    }

    @Test
    void aKnownPathWithTheWrongMethodIs405JsonListingTheAllowedOnes() throws Exception {
        start(WebSettings.defaults());

        var response = send(request("/api/user").DELETE().build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertJson(response);
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(
                allow -> assertThat(allow).contains("GET").contains("PUT"));
    }

    @Test
    void aPreflightIsAnsweredWithTheCorsHeaders() throws Exception {
        start(WebSettings.defaults());

        var response = send(request("/api/users").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization").build());

        assertThat(response.statusCode()).isEqualTo(204);
        var headers = response.headers();
        assertThat(headers.firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(headers.firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("GET", "POST", "PUT", "DELETE"));
        assertThat(headers.firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                allowed -> assertThat(allowed).contains("Content-Type", "Authorization", "X-Requested-With"));
        assertThat(headers.firstValue("Access-Control-Max-Age")).isPresent();
        assertThat(headers.firstValue("Content-Type")).isEmpty();
    }

    @Test
    void aRequestJettyCannotParseIsAnsweredWithJsonAndARequestIdThatIsAlsoLogged() throws Exception {
        var requestLog = listenTo(RequestLog.LOGGER);
        start(WebSettings.defaults());

        String response;
        try (var socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /api/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        String requestId = rawHeader(response, "X-Request-Id");
        assertThat(response).startsWith("HTTP/1.1 400")
                .containsIgnoringCase("Content-Type: application/json; charset=utf-8")
                .endsWith("{\"errors\":{\"request\":[\"bad request\"]},\"requestId\":\"" + requestId + "\"}");
        assertThat(requestId).hasSize(36);
        // Jetty refuses the request line before it reads any header, so a caller's id cannot be reused here.
        var logged = requestLog.events();
        assertThat(logged).extracting(ILoggingEvent::getFormattedMessage)
                .contains("request rejected by the HTTP server -> 400 [" + requestId + "]");
        assertThat(logged).filteredOn(event -> event.getFormattedMessage().contains(requestId))
                .extracting(event -> event.getMDCPropertyMap().get(RequestIds.MDC_KEY))
                .containsOnly(requestId);
    }

    @Test
    void onlyAConfiguredOriginIsAllowedWhenOriginsAreListed() throws Exception {
        start(WebSettings.defaults().withAllowedOrigins(List.of("https://app.example")));

        var allowed = send(request("/api/nothing").header("Origin", "https://app.example").GET().build());
        var other = send(request("/api/nothing").header("Origin", "https://evil.example").GET().build());

        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://app.example");
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void everyResponseCarriesARequestIdReusingASaneIncomingOne() throws Exception {
        start(WebSettings.defaults());

        var generated = send(get("/api/nothing"));
        var reused = send(request("/api/nothing").header("X-Request-Id", "abc-123").GET().build());
        var replaced = send(request("/api/nothing").header("X-Request-Id", "bad id\twith tab").GET().build());

        assertThat(generated.headers().firstValue("X-Request-Id")).hasValueSatisfying(
                id -> assertThat(id).hasSize(36));
        assertThat(reused.headers().firstValue("X-Request-Id")).contains("abc-123");
        assertThat(replaced.headers().firstValue("X-Request-Id")).hasValueSatisfying(
                id -> assertThat(id).isNotEqualTo("bad id\twith tab").hasSize(36));
    }

    @Test
    void anUnavailableDatabaseIs503WithRetryAfter() throws Exception {
        unitOfWork.failWith(() -> new DatabaseUnavailableException(
                DatabaseUnavailableException.Reason.POOL_EXHAUSTED, "pool exhausted", null));
        start(WebSettings.defaults());

        var response = send(get("/api/profiles/jake"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertJson(response);
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
    }

    @Test
    void anUnexpectedFailureIs500WithAnErrorIdAndNoStackTrace() throws Exception {
        unitOfWork.failWith(() -> new IllegalStateException("secret internals"));
        start(WebSettings.defaults());

        var response = send(get("/api/profiles/jake"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertJson(response);
        assertThat(response.body()).matches("\\{\"errors\":\\{\"server\":\\[\"unexpected error, id [0-9a-f-]{36}\"]},"
                + "\"requestId\":\"[0-9a-f-]{36}\"}");
    }

    @Test
    void aBodyOverTheLimitIs413Json() throws Exception {
        start(WebSettings.defaults().withMaxBodyBytes(1024));
        String big = "{\"user\":{\"bio\":\"" + "x".repeat(4096) + "\"}}";

        var response = send(request("/api/users").POST(HttpRequest.BodyPublishers.ofString(big)).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertJson(response);
        assertThat(response.body()).contains("is too large");
    }

    @Test
    void aGarbageTokenIsRefusedEvenWhereAuthenticationIsOptional() throws Exception {
        start(WebSettings.defaults());

        var response = send(request("/api/profiles/jake").header("Authorization", "Token garbage").GET().build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertJson(response);
        assertThat(response.body()).isEqualTo(errorBody(response, "{\"token\":[\"is invalid\"]}"));
    }

    @Test
    void aProtectedRouteWithoutATokenIs401() throws Exception {
        start(WebSettings.defaults());

        var response = send(request("/api/profiles/jake/follow").POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(errorBody(response, "{\"token\":[\"is missing\"]}"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Token");
    }

    @Test
    void theErrorIdOfA500IsTheRequestIdOfItsResponseAndLogLine() throws Exception {
        unitOfWork.failWith(() -> new IllegalStateException("secret internals"));
        start(WebSettings.defaults());

        var generated = send(get("/api/profiles/jake"));
        var named = send(request("/api/profiles/jake").header("X-Request-Id", "trace-500").GET().build());

        String requestId = generated.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(generated.body()).isEqualTo(
                errorBody(generated, "{\"server\":[\"unexpected error, id " + requestId + "\"]}"));
        assertThat(named.body()).isEqualTo(
                "{\"errors\":{\"server\":[\"unexpected error, id trace-500\"]},\"requestId\":\"trace-500\"}");
    }

    @Test
    void everyErrorBodyNamesTheRequestIdOfItsResponseBesideTheErrors() throws Exception {
        start(WebSettings.defaults().withMaxBodyBytes(1024));

        var responses = new ArrayList<HttpResponse<String>>();
        responses.add(send(get("/api/user")));
        responses.add(send(get("/api/nothing-here")));
        responses.add(send(request("/api/user").DELETE().build()));
        responses.add(send(post("/api/users", "{\"user\":{\"bio\":\"" + "x".repeat(4096) + "\"}}")));
        responses.add(send(post("/api/users", "{\"user\":{}}")));
        readiness.notReady("the database went away");
        responses.add(send(get("/api/tags")));

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(401, 404, 405, 413, 422, 503);
        for (var response : responses) {
            var body = Json.parse(response.body());
            assertThat(body.path("errors").isObject() && !body.path("errors").isEmpty())
                    .as("an errors object in %s", response.body()).isTrue();
            assertThat(body.size()).as("fields of %s", response.body()).isEqualTo(2);
            assertThat(body.path("requestId").asText()).as("requestId of %s", response.body())
                    .hasSize(36).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        }
        assertThat(responses).extracting(response -> response.headers().firstValue("X-Request-Id").orElseThrow())
                .doesNotHaveDuplicates();
    }

    @Test
    void aRequestIdTheCallerSentComesBackInTheErrorBody() throws Exception {
        start(WebSettings.defaults());

        var notFound = send(request("/api/nothing-here").header("X-Request-Id", "client-trace-42").GET().build());
        var invalid = send(request("/api/users").header("X-Request-Id", "client-trace-43")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":{}}")).build());

        assertThat(notFound.body()).isEqualTo(
                "{\"errors\":{\"route\":[\"not found\"]},\"requestId\":\"client-trace-42\"}");
        assertThat(notFound.headers().firstValue("X-Request-Id")).contains("client-trace-42");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(Json.parse(invalid.body()).path("requestId").asText()).isEqualTo("client-trace-43");
        assertThat(invalid.headers().firstValue("X-Request-Id")).contains("client-trace-43");
    }

    /** The RealWorld error body {@code {"errors":errors}} with the response's X-Request-Id beside it. */
}
