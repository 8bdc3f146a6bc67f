package io.conduithex.testsupport.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * The HTTP plumbing every test client shares: an HTTP/1.1 client with a bounded connect, requests against one base
 * URI each bounded in time, the API's {@code Authorization: Token} header, JSON bodies. Clients that speak the API's
 * terms (its JSON, its answers) build on it in their own module. Every exchange made through {@code send} or
 * {@link #exchange} is held to the server's OpenAPI document ({@link ApiContract}): a mismatch throws an
 * {@link AssertionError} naming the path and the field; so is every exchange through {@link #checkedSend}.
 * Asynchronous sends through {@link #client()} are not checked. Thread-safe.
 */
public final class HttpCalls {

    /** How long connecting may take. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final URI base;
    private final Duration requestTimeout;
    private final boolean checkRequests;
    private final HttpClient http = newClient();

    /**
     * Calls to {@code base} (such as {@code http://127.0.0.1:8080}), each given up after {@code requestTimeout};
     * requests and responses are checked against the OpenAPI document.
     */
    public HttpCalls(URI base, Duration requestTimeout) {
        this(base, requestTimeout, true);
    }

    private HttpCalls(URI base, Duration requestTimeout, boolean checkRequests) {
        this.base = Objects.requireNonNull(base, "base");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.checkRequests = checkRequests;
    }

    /**
     * Calls whose responses alone are checked against the OpenAPI document: for clients that send requests broken
     * at the HTTP level on purpose (bodies that are not UTF-8, cut short, in odd encodings), which the document
     * has no words for. Their answers must still be documented ones.
     */
    public static HttpCalls answersChecked(URI base, Duration requestTimeout) {
        return new HttpCalls(base, requestTimeout, false);
    }

    /** A client of its own: HTTP/1.1, connecting within {@link #CONNECT_TIMEOUT}. */
    public static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    public URI base() {
        return base;
    }

    /** The client the calls go through, for what the helpers here do not cover (asynchronous sends). */
    public HttpClient client() {
        return http;
    }

    /** A request to {@code path} (absolute, with any query), bounded in time. */
    public HttpRequest.Builder request(String path) {
        return request(base.resolve(path));
    }

    /** A request to exactly {@code target}, bounded in time: for targets that resolving a path would change. */
    public HttpRequest.Builder request(URI target) {
        return HttpRequest.newBuilder(target).timeout(requestTimeout);
    }

    /** A request to {@code path} carrying {@code Authorization: Token <token>}, or no such header when null. */
    public HttpRequest.Builder request(String path, String token) {
        var builder = request(path);
        return token == null ? builder : builder.header("Authorization", "Token " + token);
    }

    /** A request with {@code method}, a JSON body (none when null) and the token (none when null). */
    public HttpRequest.Builder request(String method, String path, String jsonBody, String token) {
        var builder = request(path, token);
        if (jsonBody == null) {
            return builder.method(method, BodyPublishers.noBody());
        }
        return builder.method(method, BodyPublishers.ofString(jsonBody)).header("Content-Type", "application/json");
    }

    /** Sends and reads the body as text; a failure to exchange at all is thrown unchecked. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request.build());
    }

    /** Sends and reads the body as text; a failure to exchange at all is thrown unchecked. */
    public HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends and reads the body with {@code body}; a failure to exchange at all is thrown unchecked. */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return checked(request, http.send(request, body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + request.uri(), e);
        }
    }

    /** Sends and reads the body as text, for callers that treat a failed exchange as an outcome of their own. */
    public HttpResponse<String> exchange(HttpRequest request) throws IOException, InterruptedException {
        return checked(request, http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    /**
     * Sends with {@code client}, reads the body as text and holds the exchange to the OpenAPI document like the calls
     * here: for tests that keep a client of their own (probe loops, fresh clients, servers not up yet).
     */
    public static HttpResponse<String> checkedSend(HttpClient client, HttpRequest request)
            throws IOException, InterruptedException {
        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
        ApiContract.checkExchange(request, response);
        return response;
    }

    private <T> HttpResponse<T> checked(HttpRequest request, HttpResponse<T> response) {
        if (checkRequests) {
            ApiContract.checkExchange(request, response);
        } else {
            ApiContract.checkAnswer(request, response);
        }
        return response;
    }
}
