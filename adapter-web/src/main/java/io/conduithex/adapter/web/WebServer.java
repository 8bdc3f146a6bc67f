package io.conduithex.adapter.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API on Javalin (Jetty): the routes of {@link ServerRoutes} (the Conduit API with token authentication,
 * the operator endpoints), what every request meets first ({@link RequestAdmission}: request ids, CORS,
 * readiness), JSON answers to every failure ({@link FailureResponses}), and one log line and one timer per
 * request ({@link RequestLog}). This class owns the server's lifecycle and its Jetty settings.
 *
 * <p>Lifecycle: {@link #start()} once, then {@link #stop()} once (a stopped server cannot be started again).
 * {@code stop()} stops accepting connections, lets requests in flight finish within the configured shutdown
 * timeout, then returns. Both are thread-safe. Requests run on a fixed pool of {@link WebSettings#httpThreads()}
 * platform threads; those that find every thread busy wait their turn in order.
 */
public final class WebServer {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    private static final long IDLE_CONNECTION_GRACE_MS = 100;
    private static final int RESPONSE_COPY_BUFFER_BYTES = 4096;
    /** Never above the pool's size: WebSettings allows no fewer threads than this. */
    private static final int MIN_IDLE_THREADS = WebSettings.MIN_HTTP_THREADS;
    private static final int IDLE_THREAD_TIMEOUT_MS = 60_000;

    private final WebSettings settings;
    private final ServerRoutes routes;
    private final RequestAdmission admission;
    private final FailureResponses failures;
    private final RequestLog requestLog;
    private Javalin app;
    private boolean stopped;

    @Inject
    WebServer(WebSettings settings, ServerRoutes routes, RequestAdmission admission, FailureResponses failures,
              RequestLog requestLog) {
        this.settings = settings;
        this.routes = routes;
        this.admission = admission;
        this.failures = failures;
        this.requestLog = requestLog;
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
     * Every route the started server registered, as {@code "METHOD /path"} with Javalin's path templates (which
     * are OpenAPI's): what the OpenAPI document must describe, no more and no less.
     */
    synchronized List<String> routes() {
        if (app == null) {
            throw new IllegalStateException("not started");
        }
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .toList();
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

        config.routes.before(ctx -> {
            requestLog.begin(ctx);
            admission.admit(ctx);
        });
        routes.addTo(config.routes);
        config.routes.after(admission::leave);
        config.routes.exception(HttpResponseException.class, failures::respond);
        config.routes.exception(Exception.class, failures::respond);
        config.router.javaLangErrorHandler(failures::respondToError);
        config.requestLogger.http(requestLog::end);
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
