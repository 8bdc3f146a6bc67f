package io.conduithex.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.conduithex.application.article.CreateArticle;
import io.conduithex.application.article.DeleteArticle;
import io.conduithex.application.article.FavoriteArticle;
import io.conduithex.application.article.GetArticle;
import io.conduithex.application.article.ListArticles;
import io.conduithex.application.article.ListTags;
import io.conduithex.application.article.TagCache;
import io.conduithex.application.article.UpdateArticle;
import io.conduithex.application.comment.AddComment;
import io.conduithex.application.comment.DeleteComment;
import io.conduithex.application.comment.ListComments;
import io.conduithex.application.health.HealthCheck;
import io.conduithex.application.health.HealthChecks;
import io.conduithex.application.transaction.RetrySettings;
import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.application.user.FollowUser;
import io.conduithex.application.user.GetCurrentUser;
import io.conduithex.application.user.GetProfile;
import io.conduithex.application.user.LoginUser;
import io.conduithex.application.user.RegisterUser;
import io.conduithex.application.user.UpdateUser;
import io.conduithex.domain.failure.DatabaseUnavailableException;
import io.conduithex.domain.port.security.PasswordHasher;
import io.conduithex.domain.user.Password;
import io.conduithex.domain.user.PasswordHash;
import io.conduithex.domain.user.UserId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The server's cross-cutting behaviour over a real socket, with a unit of work that never reaches a database. */
class WebServerTest {
    private static final byte[] SECRET = "web-server-test-secret-32-bytes-long!".getBytes(StandardCharsets.UTF_8);

    private final ScriptedUnitOfWork unitOfWork = new ScriptedUnitOfWork();
    private final TokenService tokens = new TokenService(SECRET, Duration.ofHours(1));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Readiness readiness = new Readiness();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Observability observability = Observability.minimal(meters);

    @BeforeEach
    void mostTestsRunOnAReadyServer() {
        readiness.ready();
    }
    private WebServer server;
    private URI base;

    private final List<Runnable> detachments = new ArrayList<>();

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
        detachments.forEach(Runnable::run);
    }

    /** Captures what {@code loggerName} logs at INFO and above until the test ends. */
    private ListAppender<ILoggingEvent> listenTo(String loggerName) {
        var logger = (Logger) LoggerFactory.getLogger(loggerName);
        var level = logger.getLevel();
        var appender = new ListAppender<ILoggingEvent>();
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
        detachments.add(() -> {
            logger.detachAppender(appender);
            logger.setLevel(level);
            appender.stop();
        });
        return appender;
    }

    @Test
    void untilReadyTheApiAnswers503WithTheReasonWhileLivenessIsUp() throws Exception {
        readiness.notReady("waiting for the database: connection refused");
        start(WebSettings.defaults());

        var api = send(get("/api/tags"));
        var ready = send(get("/health/ready"));
        var live = send(get("/health/live"));

        assertThat(api.statusCode()).isEqualTo(503);
        assertJson(api);
        assertThat(api.headers().firstValue("Retry-After")).isPresent();
        assertThat(api.body()).isEqualTo(errorBody(api,
                "{\"server\":[\"is not ready yet: waiting for the database: connection refused\"]}"));
        assertThat(unitOfWork.transactionsStarted()).isZero();
        assertThat(ready.statusCode()).isEqualTo(503);
        assertJson(ready);
        assertThat(ready.body()).isEqualTo("{\"status\":\"DOWN\",\"checks\":{\"startup\":{\"status\":\"DOWN\","
                + "\"detail\":\"waiting for the database: connection refused\"}}}");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void onceReadyTheApiServesAndReadinessIsUp() throws Exception {
        readiness.notReady("starting");
        start(WebSettings.defaults());
        readiness.ready();

        var ready = send(get("/health/ready"));

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"UP\",\"checks\":{\"startup\":{\"status\":\"UP\"}}}");
        send(get("/api/tags"));
        assertThat(unitOfWork.transactionsStarted()).isEqualTo(1);
    }

    @Test
    void requestDurationsAreLoggedInMillisecondsWithOneDecimalRoundedHalfUp() {
        assertThat(RequestLog.tenths(0)).isEqualTo("0.0");
        assertThat(RequestLog.tenths(49_999)).isEqualTo("0.0");
        assertThat(RequestLog.tenths(1_250_000)).isEqualTo("1.3");
        assertThat(RequestLog.tenths(12_345_678_901L)).isEqualTo("12345.7");
    }

    @Test
    void requestsBeyondTheHttpThreadsWaitTheirTurnAndAreAllAnswered() throws Exception {
        unitOfWork.holdAtGate();
        start(WebSettings.defaults().withHttpThreads(WebSettings.MIN_HTTP_THREADS));
        int clients = 3 * WebSettings.MIN_HTTP_THREADS;

        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            inFlight.add(http.sendAsync(get("/api/profiles/jake"), HttpResponse.BodyHandlers.ofString()));
        }
        assertThat(unitOfWork.entered.await(10, TimeUnit.SECONDS)).isTrue();
        int held = heldOnceSettled();
        unitOfWork.open();

        // Jetty keeps some of the threads for accepting connections and watching sockets.
        assertThat(held).isBetween(1, WebSettings.MIN_HTTP_THREADS - 1);
        for (var response : inFlight) {
            assertThat(response.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(404);
        }
        assertThat(unitOfWork.transactionsStarted()).isEqualTo(clients);
        assertThat(unitOfWork.mostAtGate()).isEqualTo(held);
    }

    /** How many requests wait at the gate once no more have arrived there for half a second. */
    private int heldOnceSettled() throws InterruptedException {
        int held = unitOfWork.atGate();
        long settledSince = System.nanoTime();
        long deadline = settledSince + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() - settledSince < TimeUnit.MILLISECONDS.toNanos(500) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            int now = unitOfWork.atGate();
            if (now != held) {
                held = now;
                settledSince = System.nanoTime();
            }
        }
        return held;
    }

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
        synchronized (requestLog) {
            assertThat(requestLog.list).extracting(ILoggingEvent::getFormattedMessage)
                    .contains("request rejected by the HTTP server -> 400 [" + requestId + "]");
            assertThat(requestLog.list).filteredOn(event -> event.getFormattedMessage().contains(requestId))
                    .extracting(event -> event.getMDCPropertyMap().get(RequestIds.MDC_KEY))
                    .containsOnly(requestId);
        }
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
    void stoppingRefusesNewConnectionsButLetsARequestInFlightFinish() throws Exception {
        unitOfWork.holdAtGate();
        start(WebSettings.defaults().withShutdownTimeout(Duration.ofSeconds(10)));
        String token = tokens.issue(new UserId(1));

        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                request("/api/profiles/jake").header("Authorization", "Token " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unitOfWork.entered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
        awaitNewConnectionsRefused();

        assertThat(stopping).isNotDone();
        unitOfWork.open();
        var response = inFlight.get(10, TimeUnit.SECONDS);
        stopping.get(15, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo(errorBody(response, "{\"profile\":[\"not found\"]}"));
    }

    @Test
    void readinessIsDownWith503WhenACheckIsDownAndShowsEveryCheckWithItsLatency() throws Exception {
        var database = new AtomicReference<>(HealthCheck.Result.down("connection refused"));
        observability = new Observability(new HealthChecks(List.of(check("database", database::get),
                check("pool", () -> HealthCheck.Result.up("active 0 of 2"))), Duration.ZERO, System::nanoTime),
                () -> "", meters);
        start(WebSettings.defaults());

        var down = send(get("/health/ready"));
        database.set(HealthCheck.Result.up(null));
        var up = send(get("/health/ready"));

        assertThat(down.statusCode()).isEqualTo(503);
        assertJson(down);
        assertThat(down.body()).matches("\\{\"status\":\"DOWN\",\"checks\":\\{\"startup\":\\{\"status\":\"UP\"},"
                + "\"database\":\\{\"status\":\"DOWN\",\"latencyMs\":\\d+,\"detail\":\"connection refused\"},"
                + "\"pool\":\\{\"status\":\"UP\",\"latencyMs\":\\d+,\"detail\":\"active 0 of 2\"}}}");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).startsWith("{\"status\":\"UP\",");
    }

    @Test
    void metricsServeTheScrapeAsPrometheusText() throws Exception {
        observability = new Observability(new HealthChecks(List.of()), () -> "conduit_up 1\n", meters);
        start(WebSettings.defaults());

        var response = send(get("/metrics"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body()).isEqualTo("conduit_up 1\n");
    }

    @Test
    void everyRequestIsTimedByMethodRouteTemplateAndStatusNeverByRawPath() throws Exception {
        start(WebSettings.defaults());

        send(get("/api/profiles/jake"));
        send(get("/api/profiles/finn"));
        send(get("/api/no-such/route"));

        awaitRequests("GET", "/api/profiles/{username}", "404", 2);
        awaitRequests("GET", "unmatched", "404", 1);
        assertThat(meters.find("http.server.requests").timers()).noneSatisfy(timer -> assertThat(
                timer.getId().getTag("route")).contains("jake"));
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
    private static String errorBody(HttpResponse<String> response, String errors) {
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        return "{\"errors\":" + errors + ",\"requestId\":\"" + requestId + "\"}";
    }

    /** The value of header {@code name} in a raw HTTP/1.1 response, failing when it is absent. */
    private static String rawHeader(String response, String name) {
        return response.lines().takeWhile(line -> !line.isEmpty())
                .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(line -> line.substring(name.length() + 1).strip())
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + response));
    }

    /**
     * Waits (bounded) until {@code count} requests were timed with these tags: a request is timed as it completes,
     * just after its response went out, so the client can be a moment ahead of the timer.
     */
    private void awaitRequests(String method, String route, String status, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (requests(method, route, status) < count && System.nanoTime() - deadline < 0) {
            Thread.sleep(10);
        }
        assertThat(requests(method, route, status)).as("%s %s %s", method, route, status).isEqualTo(count);
    }

    private long requests(String method, String route, String status) {
        var timer = meters.find("http.server.requests").tag("method", method).tag("route", route)
                .tag("status", status).timer();
        return timer == null ? 0 : timer.count();
    }

    private static HealthCheck check(String name, java.util.function.Supplier<HealthCheck.Result> result) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Result check() {
                return result.get();
            }
        };
    }

    /** Bounded: fails the test if the server still accepts connections after five seconds. */
    private void awaitNewConnectionsRefused() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            var freshClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(1)).build();
            try {
                freshClient.send(get("/api/nothing"), HttpResponse.BodyHandlers.discarding());
            } catch (IOException refused) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the server kept accepting new connections while stopping");
    }

    private void start(WebSettings given) {
        var settings = given.withPort(0);
        var transactions = new TransactionRunner(unitOfWork, RetrySettings.DEFAULTS.withMaxRetries(0),
                new SimpleMeterRegistry());
        var hasher = new PlainHasher();
        var clock = Clock.systemUTC();
        var tags = TagCache.disabled();
        var authenticator = new Authenticator(tokens);
        var bodies = new RequestBodies(settings);
        var routes = new ServerRoutes(
                new UserRoutes(new RegisterUser(transactions, hasher), new LoginUser(transactions, hasher),
                        new GetCurrentUser(transactions), new UpdateUser(transactions, hasher), tokens, authenticator,
                        bodies),
                new ProfileRoutes(new GetProfile(transactions), new FollowUser(transactions), authenticator),
                new ArticleRoutes(new CreateArticle(transactions, clock, tags),
                        new UpdateArticle(transactions, clock, tags), new DeleteArticle(transactions, tags),
                        new GetArticle(transactions), new ListArticles(transactions), new FavoriteArticle(transactions),
                        authenticator, bodies),
                new CommentRoutes(new AddComment(transactions, clock), new ListComments(transactions),
                        new DeleteComment(transactions), authenticator, bodies),
                new TagRoutes(new ListTags(transactions, tags)),
                new HealthRoutes(readiness, observability),
                // The admin surface is off, so its report is never asked for.
                new AdminRoutes(null, AdminSettings.off()),
                new MetricsRoutes(observability));
        server = new WebServer(settings, routes, new RequestAdmission(settings, readiness),
                new FailureResponses(settings), new RequestLog(observability));
        base = URI.create("http://127.0.0.1:" + server.start());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
    }

    private HttpRequest get(String path) {
        return request(path).GET().build();
    }

    private HttpRequest post(String path, String body) {
        return request(path).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertJson(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
    }

    /** Not a hash at all; enough for requests that never get as far as checking a password. */
    private static final class PlainHasher implements PasswordHasher {
        @Override
        public PasswordHash hash(Password password) {
            return new PasswordHash("plain:" + password.reveal());
        }

        @Override
        public boolean matches(Password password, PasswordHash hash) {
            return hash.value().equals("plain:" + password.reveal());
        }
    }
}
