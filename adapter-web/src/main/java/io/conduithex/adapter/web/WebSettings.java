package io.conduithex.adapter.web;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the HTTP server listens and behaves.
 *
 * @param port            TCP port; 0 lets the operating system choose one
 * @param allowedOrigins  origins a browser may call from; {@code ["*"]} allows any
 * @param maxBodyBytes    largest request body accepted; a bigger one is answered with 413
 * @param shutdownTimeout how long {@link WebServer#stop()} waits for requests in flight
 * @param httpThreads     the HTTP server's threads, Jetty's own (accepting connections, watching sockets)
 *                        included; requests beyond them wait their turn in order
 */
public record WebSettings(int port, List<String> allowedOrigins, long maxBodyBytes, Duration shutdownTimeout,
                          int httpThreads) {
    public static final String ANY_ORIGIN = "*";
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);
    /** Jetty keeps a few threads for itself; with fewer than this it refuses to start on a small machine. */
    public static final int MIN_HTTP_THREADS = 8;
    public static final int MAX_HTTP_THREADS = 1000;

    public WebSettings {
        Objects.requireNonNull(allowedOrigins, "allowedOrigins");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        allowedOrigins = List.copyOf(allowedOrigins);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be within [0, 65535], was " + port);
        }
        if (allowedOrigins.isEmpty()) {
            throw new IllegalArgumentException("allowedOrigins must name at least one origin, or *");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
        if (shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("shutdownTimeout must not be negative, was " + shutdownTimeout);
        }
        if (httpThreads < MIN_HTTP_THREADS || httpThreads > MAX_HTTP_THREADS) {
            throw new IllegalArgumentException("httpThreads must be within [" + MIN_HTTP_THREADS + ", "
                    + MAX_HTTP_THREADS + "], was " + httpThreads);
        }
    }

    /**
     * Four request threads per CPU, enough to keep every CPU busy while others wait on the database, plus four for
     * Jetty's own. More only interleave more requests on the same CPUs: on two CPUs, a page of articles under 32
     * concurrent clients had a p99 of 33-39 ms with Javalin's 250 threads and 13-16 ms with 8 or 12, at a higher
     * rate (docs/performance.md).
     */
    public static int defaultHttpThreads() {
        return Math.min(MAX_HTTP_THREADS, 4 * Runtime.getRuntime().availableProcessors() + 4);
    }

    /** Port 8080, any origin, 1 MiB bodies, 20 s to drain on stop, {@link #defaultHttpThreads()}. */
    public static WebSettings defaults() {
        return new WebSettings(8080, List.of(ANY_ORIGIN), DEFAULT_MAX_BODY_BYTES, DEFAULT_SHUTDOWN_TIMEOUT,
                defaultHttpThreads());
    }

    public WebSettings withPort(int newPort) {
        return new WebSettings(newPort, allowedOrigins, maxBodyBytes, shutdownTimeout, httpThreads);
    }

    public WebSettings withAllowedOrigins(List<String> origins) {
        return new WebSettings(port, origins, maxBodyBytes, shutdownTimeout, httpThreads);
    }

    public WebSettings withMaxBodyBytes(long bytes) {
        return new WebSettings(port, allowedOrigins, bytes, shutdownTimeout, httpThreads);
    }

    public WebSettings withShutdownTimeout(Duration timeout) {
        return new WebSettings(port, allowedOrigins, maxBodyBytes, timeout, httpThreads);
    }

    public WebSettings withHttpThreads(int threads) {
        return new WebSettings(port, allowedOrigins, maxBodyBytes, shutdownTimeout, threads);
    }

    public boolean allowsAnyOrigin() {
        return allowedOrigins.contains(ANY_ORIGIN);
    }
}
