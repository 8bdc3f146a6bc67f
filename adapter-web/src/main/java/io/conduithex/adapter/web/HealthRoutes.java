package io.conduithex.adapter.web;

import io.conduithex.application.health.HealthChecks;
import io.conduithex.application.health.HealthReport;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Probes in the Kubernetes convention: {@code /health/live} answers while the process can serve HTTP at all;
 * {@code /health/ready} answers 200 only once the application has started and every readiness check (database
 * ping, migrations, pool) is up, else 503; the body gives each check's status, latency and detail. The checks'
 * report is cached briefly (see {@link HealthChecks}), so probes cannot load the database.
 *
 * <p>While the application is still starting, the answer is 503 with the startup's reason alone: the checks are
 * not run. They could not turn the answer into 200 anyway, they would compete with the startup for the database
 * (on SQLite for its one writer connection, which the migration holds), and a report taken then would be served
 * from the cache for a while after the startup ends, delaying the first 200.
 */
final class HealthRoutes implements RouteGroup {
    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";

    private final Readiness readiness;
    private final HealthChecks checks;

    @Inject
    HealthRoutes(Readiness readiness, Observability observability) {
        this.readiness = readiness;
        this.checks = observability.health();
    }

    @Override
    public void addTo(RoutesConfig routes) {
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
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("startup", startup);
        boolean up = reason == null;
        if (up) {
            HealthReport report = checks.report();
            report.checks().forEach((name, outcome) -> {
                Map<String, Object> check = new LinkedHashMap<>();
                check.put("status", status(outcome.up()));
                check.put("latencyMs", outcome.latencyMillis());
                if (outcome.detail() != null) {
                    check.put("detail", outcome.detail());
                }
                all.put(name, check);
            });
            up = report.up();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status(up));
        body.put("checks", all);
        Json.respond(ctx, up ? 200 : 503, body);
    }

    private static String status(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
