package io.conduithex.adapter.web;

import io.conduithex.application.health.HealthChecks;
import io.conduithex.application.health.HealthReport;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Probes in the Kubernetes convention: {@code /health/live} answers while the process can serve HTTP at all;
 * {@code /health/ready} answers 200 only once the application has started and every readiness check (database
 * ping, migrations, pool) is up, else 503; the body gives each check's status, latency and detail. The checks'
 * report is cached briefly (see {@link HealthChecks}), so probes cannot load the database.
 */
final class HealthRoutes {
    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";

    private final Readiness readiness;
    private final HealthChecks checks;

    HealthRoutes(Readiness readiness, HealthChecks checks) {
        this.readiness = readiness;
        this.checks = checks;
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
        HealthReport report = checks.report();
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("startup", startup);
        report.checks().forEach((name, outcome) -> {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("status", status(outcome.up()));
            check.put("latencyMs", outcome.latencyMillis());
            if (outcome.detail() != null) {
                check.put("detail", outcome.detail());
            }
            all.put(name, check);
        });
        boolean up = reason == null && report.up();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status(up));
        body.put("checks", all);
        Json.respond(ctx, up ? 200 : 503, body);
    }

    private static String status(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
