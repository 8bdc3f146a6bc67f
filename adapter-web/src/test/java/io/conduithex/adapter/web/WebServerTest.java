package io.conduithex.adapter.web;

import io.conduithex.application.audit.AuditTrail;
import io.conduithex.application.idempotency.IdempotencySettings;
import io.conduithex.application.idempotency.IdempotentWrites;
import io.conduithex.domain.port.request.CurrentRequest;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
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
import io.conduithex.application.transaction.RetrySettings;
import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.application.user.FailedLogins;
import io.conduithex.application.user.FollowUser;
import io.conduithex.application.user.GetCurrentUser;
import io.conduithex.application.user.GetProfile;
import io.conduithex.application.user.LoginUser;
import io.conduithex.application.user.RegisterUser;
import io.conduithex.application.user.UpdateUser;
import io.conduithex.domain.port.persistence.ReadConsistency;
import io.conduithex.domain.port.security.PasswordHasher;
import io.conduithex.domain.user.Password;
import io.conduithex.domain.user.PasswordHash;
import io.conduithex.testsupport.kit.ApiContract;
import io.conduithex.testsupport.kit.HttpCalls;
import io.conduithex.testsupport.kit.LogRecorder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;

/**
 * Base of the web server's tests: the server over a real socket, with a unit of work that never reaches a
 * database, a client, and the helpers the tests share. The tests are split by topic:
 * {@link WebServerLifecycleTest} (readiness, threads, stopping, metrics) and {@link WebServerAnswersTest} (error
 * answers, CORS, request ids).
 */
abstract class WebServerTest {
    static final byte[] SECRET = "web-server-test-secret-32-bytes-long!".getBytes(StandardCharsets.UTF_8);

    final ScriptedUnitOfWork unitOfWork = new ScriptedUnitOfWork();
    final TokenService tokens = new TokenService(SECRET, Duration.ofHours(1));
    final HttpClient http = HttpCalls.newClient();
    final Readiness readiness = new Readiness();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    Observability observability = Observability.minimal(meters);
    /** Off unless a test turns it on before {@link #start}; its JSON endpoints have no report behind them. */
    AdminSettings admin = AdminSettings.off();

    @BeforeEach
    void mostTestsRunOnAReadyServer() {
        readiness.ready();
    }
    WebServer server;
    URI base;

    final List<Runnable> detachments = new ArrayList<>();

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
        detachments.forEach(Runnable::run);
    }

    /** Captures what {@code loggerName} logs at INFO and above until the test ends. */
    LogRecorder listenTo(String loggerName) {
        var logger = (Logger) LoggerFactory.getLogger(loggerName);
        var level = logger.getLevel();
        logger.setLevel(Level.INFO);
        var recorder = LogRecorder.of(loggerName);
        detachments.add(() -> {
            recorder.close();
            logger.setLevel(level);
        });
        return recorder;
    }

    static String errorBody(HttpResponse<String> response, String errors) {
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        return "{\"errors\":" + errors + ",\"requestId\":\"" + requestId + "\"}";
    }

    /** The value of header {@code name} in a raw HTTP/1.1 response, failing when it is absent. */
    static String rawHeader(String response, String name) {
        return response.lines().takeWhile(line -> !line.isEmpty())
                .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(line -> line.substring(name.length() + 1).strip())
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + response));
    }

    /**
     * Waits (bounded) until {@code count} requests were timed with these tags: a request is timed as it completes,
     * just after its response went out, so the client can be a moment ahead of the timer.
     */
    void awaitRequests(String method, String route, String status, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (requests(method, route, status) < count && System.nanoTime() - deadline < 0) {
            Thread.sleep(10);
        }
        assertThat(requests(method, route, status)).as("%s %s %s", method, route, status).isEqualTo(count);
    }

    long requests(String method, String route, String status) {
        var timer = meters.find("http.server.requests").tag("method", method).tag("route", route)
                .tag("status", status).timer();
        return timer == null ? 0 : timer.count();
    }

    /** A health check named {@code name} whose every check answers what {@code result} supplies. */
    record ScriptedCheck(String name, java.util.function.Supplier<HealthCheck.Result> result)
            implements HealthCheck {
        @Override
        public Result check() {
            return result.get();
        }
    }

    /** Bounded: fails the test if the server still accepts connections after five seconds. */
    void awaitNewConnectionsRefused() throws InterruptedException {
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

    void start(WebSettings given) {
        var settings = given.withPort(0);
        var transactions = new TransactionRunner(unitOfWork, RetrySettings.DEFAULTS.withMaxRetries(0),
                new SimpleMeterRegistry());
        var hasher = new PlainHasher();
        var clock = Clock.systemUTC();
        var tags = TagCache.disabled();
        var authenticator = new Authenticator(tokens);
        var bodies = new RequestBodies(settings);
        var audit = new AuditTrail(clock, CurrentRequest.NONE);
        var keyed = new KeyedWrites(new IdempotentWrites(transactions, IdempotencySettings.DEFAULTS, clock, tags,
                new SimpleMeterRegistry()));
        var routes = new ServerRoutes(
                new UserRoutes(new RegisterUser(transactions, hasher, audit), new LoginUser(transactions, hasher,
                        new FailedLogins(new FailedLogins.Settings(5, Duration.ofMinutes(5)))),
                        new GetCurrentUser(transactions), new UpdateUser(transactions, hasher, audit), tokens,
                        authenticator, bodies, keyed),
                new ProfileRoutes(new GetProfile(transactions), new FollowUser(transactions, audit), authenticator,
                        CachedReads.off(), keyed),
                new ArticleRoutes(new CreateArticle(transactions, clock, tags, audit),
                        new UpdateArticle(transactions, clock, tags, audit), new DeleteArticle(transactions, tags, audit),
                        new GetArticle(transactions), new ListArticles(transactions),
                        new FavoriteArticle(transactions, audit), authenticator, bodies, CachedReads.off(), keyed),
                new CommentRoutes(new AddComment(transactions, clock, audit), new ListComments(transactions),
                        new DeleteComment(transactions, audit), authenticator, bodies, CachedReads.off(), keyed),
                new TagRoutes(new ListTags(transactions, tags)),
                new HealthRoutes(readiness, observability),
                // The tests never ask the admin surface for its report.
                new AdminRoutes(null, admin, CachedReads.off(), null),
                new MetricsRoutes(observability),
                new DocumentationRoutes(admin));
        var readYourWrites = new ReadYourWrites(ReadConsistency.NONE, authenticator, ConsistencySettings.UNREPLICATED);
        server = new WebServer(settings, routes, new RequestAdmission(settings, readiness, readYourWrites),
                new FailureResponses(settings), new RequestLog(observability));
        base = URI.create("http://127.0.0.1:" + server.start());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
    }

    HttpRequest get(String path) {
        return request(path).GET().build();
    }

    HttpRequest post(String path, String body) {
        return request(path).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Sends, holding the exchange to the OpenAPI document ({@link ApiContract}). */
    HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpCalls.checkedSend(http, request);
    }

    /** Sends without waiting; the exchange is held to the OpenAPI document when the answer comes. */
    CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            ApiContract.checkExchange(request, response);
            return response;
        });
    }

    static void assertJson(HttpResponse<String> response) {
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
