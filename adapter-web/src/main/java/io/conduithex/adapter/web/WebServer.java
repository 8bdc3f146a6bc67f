package io.conduithex.adapter.web;

import io.conduithex.application.article.CreateArticle;
import io.conduithex.application.article.DeleteArticle;
import io.conduithex.application.article.FavoriteArticle;
import io.conduithex.application.article.GetArticle;
import io.conduithex.application.article.ListArticles;
import io.conduithex.application.article.ListTags;
import io.conduithex.application.article.UpdateArticle;
import io.conduithex.application.comment.AddComment;
import io.conduithex.application.comment.DeleteComment;
import io.conduithex.application.comment.ListComments;
import io.conduithex.application.user.FollowUser;
import io.conduithex.application.user.GetCurrentUser;
import io.conduithex.application.user.GetProfile;
import io.conduithex.application.user.LoginUser;
import io.conduithex.application.user.RegisterUser;
import io.conduithex.application.user.UpdateUser;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The HTTP API: the Conduit routes on Javalin (Jetty), with token authentication, JSON errors, CORS, request
 * ids, one log line and one timer per request, and the operator endpoints (health probes, metrics).
 *
 * <p>Lifecycle: {@link #start()} once, then {@link #stop()} once (a stopped server cannot be started again).
 * {@code stop()} stops accepting connections, lets requests in flight finish within the configured shutdown
 * timeout, then returns. Both are thread-safe. Requests run on a fixed pool of {@link WebSettings#httpThreads()}
 * platform threads; those that find every thread busy wait their turn in order.
 */
public final class WebServer {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    /** The logger of the one line per request. */
    static final String REQUEST_LOG = "io.conduithex.adapter.web.requests";
    private static final Logger requestLog = LoggerFactory.getLogger(REQUEST_LOG);
    private static final String STARTED_AT = "conduit.startedAtNanos";
    private static final long IDLE_CONNECTION_GRACE_MS = 100;
    private static final int RESPONSE_COPY_BUFFER_BYTES = 4096;
    /** Never above the pool's size: WebSettings allows no fewer threads than this. */
    private static final int MIN_IDLE_THREADS = WebSettings.MIN_HTTP_THREADS;
    private static final int IDLE_THREAD_TIMEOUT_MS = 60_000;

    private final WebSettings settings;
    private final UserRoutes users;
    private final ProfileRoutes profiles;
    private final ArticleRoutes articles;
    private final CommentRoutes comments;
    private final TagRoutes tags;
    private final HealthRoutes health;
    private final AdminRoutes admin;
    private final MetricsRoutes metrics;
    private final HttpMeters httpMeters;
    private final Readiness readiness;
    private final ErrorMapper errors;
    private final Cors cors;
    private Javalin app;
    private boolean stopped;

    @Inject
    public WebServer(RegisterUser registerUser, LoginUser loginUser, GetCurrentUser getCurrentUser,
                     UpdateUser updateUser, GetProfile getProfile, FollowUser followUser,
                     CreateArticle createArticle, UpdateArticle updateArticle, DeleteArticle deleteArticle,
                     GetArticle getArticle, ListArticles listArticles, FavoriteArticle favoriteArticle,
                     AddComment addComment, ListComments listComments, DeleteComment deleteComment,
                     ListTags listTags, TokenService tokens, Readiness readiness, Observability observability,
                     WebSettings settings, AdminRoutes admin) {
        this.settings = settings;
        this.admin = admin;
        this.readiness = readiness;
        this.health = new HealthRoutes(readiness, observability.health());
        this.metrics = new MetricsRoutes(observability.metrics());
        this.httpMeters = new HttpMeters(observability.meters());
        var authenticator = new Authenticator(tokens);
        this.users = new UserRoutes(registerUser, loginUser, getCurrentUser, updateUser, tokens, authenticator,
                settings.maxBodyBytes());
        this.profiles = new ProfileRoutes(getProfile, followUser, authenticator);
        this.articles = new ArticleRoutes(createArticle, updateArticle, deleteArticle, getArticle, listArticles,
                favoriteArticle, authenticator, settings.maxBodyBytes());
        this.comments = new CommentRoutes(addComment, listComments, deleteComment, authenticator,
                settings.maxBodyBytes());
        this.tags = new TagRoutes(listTags);
        this.errors = new ErrorMapper(settings.maxBodyBytes());
        this.cors = new Cors(settings);
    }

    /**
     * Starts listening on the configured port.
     *
     * @return the bound port (useful with port 0)
     * @throws IllegalStateException when already started or stopped
     */
    public synchronized int start() {
        if (app != null || stopped) {
            throw new IllegalStateException("a web server starts once");
        }
        app = Javalin.create(this::configure);
        app.start(settings.port());
        log.info("HTTP server listening on port {} ({} threads)", app.port(), settings.httpThreads());
        return app.port();
    }

    /** The bound port; only while started. */
    public synchronized int port() {
        if (app == null) {
            throw new IllegalStateException("not started");
        }
        return app.port();
    }

    /**
     * Stops accepting connections, waits up to the shutdown timeout for requests in flight, then stops.
     * Idempotent; does nothing when never started.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (app == null) {
            return;
        }
        log.info("HTTP server stopping: no new connections, up to {} ms for requests in flight",
                settings.shutdownTimeout().toMillis());
        long began = System.nanoTime();
        app.stop();
        log.info("HTTP server stopped in {} ms", (System.nanoTime() - began) / 1_000_000);
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.startup.startupWatcherEnabled = false;
        config.jetty.threadPool = threadPool(settings.httpThreads());
        config.http.prefer405over404 = true;
        config.http.maxRequestSize = settings.maxBodyBytes();
        // Javalin copies each response into Jetty in pieces of this size, through a buffer allocated per response.
        // At its default (Jetty's 32 KiB output buffer) that buffer was most of a small answer's garbage, and each
        // piece above Jetty's aggregation size (8 KiB) went out at once, before the response knew its length: a
        // page of articles left chunked, in two socket writes. Pieces below it are gathered in the output buffer,
        // so any answer that fits there leaves in one write with its Content-Length.
        config.http.responseBufferSize = RESPONSE_COPY_BUFFER_BYTES;
        config.jetty.modifyServer(server -> {
            // GracefulHandler is what makes Server.stop() wait for requests in flight; idle keep-alive
            // connections are closed after a short grace instead of holding up the stop.
            var graceful = new GracefulHandler();
            graceful.setShutdownIdleTimeout(IDLE_CONNECTION_GRACE_MS);
            server.insertHandler(graceful);
            server.setStopTimeout(settings.shutdownTimeout().toMillis());
            server.setErrorHandler(new JsonErrorPages());
        });

        config.routes.before(this::beginRequest);
        users.addTo(config.routes);
        profiles.addTo(config.routes);
        articles.addTo(config.routes);
        comments.addTo(config.routes);
        tags.addTo(config.routes);
        health.addTo(config.routes);
        admin.addTo(config.routes);
        metrics.addTo(config.routes);
        config.routes.exception(HttpResponseException.class, this::respondWithError);
        config.routes.exception(Exception.class, this::respondWithError);
        config.router.javaLangErrorHandler(this::respondToError);
        config.requestLogger.http(this::logRequest);
    }

    private void beginRequest(Context ctx) {
        ctx.attribute(STARTED_AT, System.nanoTime());
        String requestId = RequestIds.reuseOrGenerate(ctx.header(RequestIds.HEADER));
        MDC.put(RequestIds.MDC_KEY, requestId);
        ctx.header(RequestIds.HEADER, requestId);
        cors.decorate(ctx);
        if (Cors.isPreflight(ctx)) {
            cors.answerPreflight(ctx);
            ctx.skipRemainingHandlers();
            return;
        }
        if (!readiness.isReady() && ctx.path().startsWith("/api/")) {
            errors.notReady(readiness.reason()).respondTo(ctx);
            ctx.skipRemainingHandlers();
            return;
        }
        QueryStrings.requireWellFormed(ctx.queryString());
    }

    private void respondWithError(Exception failure, Context ctx) {
        errors.map(failure, ctx.req().getMethod(), route(ctx), RequestIds.ofResponse(ctx)).respondTo(ctx);
    }

    /** A java.lang.Error (out of memory, stack overflow) still gets a JSON 500 and a logged id. */
    private void respondToError(HttpServletResponse response, Error error) {
        String given = response.getHeader(RequestIds.HEADER);
        String errorId = given != null ? given : RequestIds.currentOrNew();
        log.error("Request failed with a JVM error, id {}", errorId, error);
        if (response.isCommitted()) {
            return;
        }
        try {
            response.resetBuffer();
            response.setStatus(500);
            response.setHeader(RequestIds.HEADER, errorId);
            response.setContentType(Json.CONTENT_TYPE);
            response.getOutputStream().write(Json.write(
                    ApiError.of(500, "server", "unexpected error, id " + errorId).body(errorId)));
        } catch (IOException | RuntimeException e) {
            error.addSuppressed(e);
        }
    }

    private void logRequest(Context ctx, Float handlerMillis) {
        try {
            Long startedAt = ctx.attribute(STARTED_AT);
            long nanos = startedAt == null ? (long) (handlerMillis * 1_000_000) : System.nanoTime() - startedAt;
            String template = routeTemplate(ctx);
            httpMeters.record(ctx.req().getMethod(), template, ctx.statusCode(), nanos);
            if (requestLog.isInfoEnabled()) {
                requestLog.info("{} {} -> {} in {} ms [{}]", ctx.req().getMethod(),
                        template != null ? template : ctx.path(), ctx.statusCode(), tenths(nanos),
                        ctx.res().getHeader(RequestIds.HEADER));
            }
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    /** Milliseconds with one decimal ("12.3"), without the cost of String.format on every request. */
    static String tenths(long nanos) {
        long tenths = (nanos + 50_000) / 100_000;
        return (tenths / 10) + "." + (tenths % 10);
    }

    /** The matched route template, a bounded set; the raw path only when no route matched. */
    private static String route(Context ctx) {
        String template = routeTemplate(ctx);
        return template != null ? template : ctx.path();
    }

    /** The matched route template, or null when no route matched. */
    private static String routeTemplate(Context ctx) {
        var endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint != null ? endpoint.path : null;
    }

    /**
     * A fixed ceiling of platform threads, also where Java offers virtual ones: a thread per request (Javalin's
     * 250, or virtual threads) lets every client's request run at once, and on a small machine they take turns
     * on the CPUs and for the database connections until the slowest wait several times the mean. Queued in
     * order instead, a page of articles under 32 clients on two CPUs kept its p99 at 13-16 ms (33-39 ms with 250
     * platform threads, 57-61 ms with virtual threads on Java 25), at a higher rate.
     */
    private static QueuedThreadPool threadPool(int threads) {
        var pool = new QueuedThreadPool(threads, MIN_IDLE_THREADS, IDLE_THREAD_TIMEOUT_MS);
        pool.setName("http");
        return pool;
    }
}
