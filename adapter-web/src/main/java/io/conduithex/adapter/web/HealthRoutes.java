package io.conduithex.adapter.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Probes in the Kubernetes convention: {@code /health/live} answers while the process can serve HTTP at all;
 * {@code /health/ready} answers 200 only once the application can do its work, else 503 with the reason.
 */
final class HealthRoutes {
    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";

    private final Readiness readiness;

    HealthRoutes(Readiness readiness) {
        this.readiness = readiness;
    }

    void addTo(RoutesConfig routes) {
        routes.get(LIVE, ctx -> Json.respond(ctx, 200, Map.of("status", "UP")));
        routes.get(READY, this::ready);
    }

    private void ready(Context ctx) {
        String reason = readiness.reason();
        Map<String, Object> startup = new LinkedHashMap<>();
        startup.put("status", reason == null ? "UP" : "DOWN");
        if (reason != null) {
            startup.put("detail", reason);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", reason == null ? "UP" : "DOWN");
        body.put("checks", Map.of("startup", startup));
        Json.respond(ctx, reason == null ? 200 : 503, body);
    }
}
