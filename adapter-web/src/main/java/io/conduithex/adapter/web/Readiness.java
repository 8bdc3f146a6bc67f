package io.conduithex.adapter.web;

import jakarta.inject.Singleton;

/**
 * Whether the application may serve the API yet. It starts not ready (the database has not been reached and
 * migrated); the startup marks it ready once it has. While not ready, the API answers 503 and
 * {@code /health/ready} says why, so that a load balancer or orchestrator holds traffic back. Thread-safe.
 */
@Singleton
public final class Readiness {
    private volatile String notReadyBecause = "starting";

    public boolean isReady() {
        return notReadyBecause == null;
    }

    /** Why it is not ready, or null when ready. */
    public String reason() {
        return notReadyBecause;
    }

    public void notReady(String because) {
        notReadyBecause = because == null || because.isBlank() ? "not ready" : because;
    }

    public void ready() {
        notReadyBecause = null;
    }
}
