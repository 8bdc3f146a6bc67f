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
 */
public record WebSettings(int port, List<String> allowedOrigins, long maxBodyBytes, Duration shutdownTimeout) {
    public static final String ANY_ORIGIN = "*";
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);

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
    }

    /** Port 8080, any origin, 1 MiB bodies, 20 s to drain on stop. */
    public static WebSettings defaults() {
        return new WebSettings(8080, List.of(ANY_ORIGIN), DEFAULT_MAX_BODY_BYTES, DEFAULT_SHUTDOWN_TIMEOUT);
    }

    public WebSettings withPort(int newPort) {
        return new WebSettings(newPort, allowedOrigins, maxBodyBytes, shutdownTimeout);
    }

    public WebSettings withAllowedOrigins(List<String> origins) {
        return new WebSettings(port, origins, maxBodyBytes, shutdownTimeout);
    }

    public WebSettings withMaxBodyBytes(long bytes) {
        return new WebSettings(port, allowedOrigins, bytes, shutdownTimeout);
    }

    public WebSettings withShutdownTimeout(Duration timeout) {
        return new WebSettings(port, allowedOrigins, maxBodyBytes, timeout);
    }

    public boolean allowsAnyOrigin() {
        return allowedOrigins.contains(ANY_ORIGIN);
    }
}
