package io.conduithex.adapter.web;

import io.conduithex.application.audit.ListAuditEvents;
import io.conduithex.application.operations.OperationsReport;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * The admin surface under {@code /admin}: the database API (JSON, bearer token required) and the dashboard page
 * with its assets (no token: the page asks for it and sends it on each of its own calls).
 *
 * <p>Answers 401 with {@code WWW-Authenticate: Bearer} without a bearer token, 403 with a wrong one, and 404 on
 * every path when the admin token is not configured. Not gated by readiness: operators need it most while the
 * database is in trouble.
 */
public final class AdminRoutes implements RouteGroup {
    static final String DASHBOARD = "/admin";
    static final String ASSETS = "/admin/assets/{file}";
    static final String HEALTH = "/admin/database/health";
    static final String CONNECTION_POOL = "/admin/database/connection-pool";
    static final String DEADLOCKS = "/admin/database/deadlocks";
    static final String DIAGNOSTICS = "/admin/database/diagnostics";
    static final String REPLICAS = "/admin/database/replicas";
    static final String READ_CACHE = "/admin/read-cache";
    static final String AUDIT = "/admin/audit";

    private final OperationsReport report;
    private final AdminSettings settings;
    private final CachedReads reads;
    private final ListAuditEvents audit;
    private final AdminAuthorization authorization;
    private final DashboardAssets assets = new DashboardAssets();

    @Inject
    public AdminRoutes(OperationsReport report, AdminSettings settings, CachedReads reads, ListAuditEvents audit) {
        this.report = report;
        this.settings = settings;
        this.reads = reads;
        this.audit = audit;
        this.authorization = settings.enabled() ? new AdminAuthorization(settings.token()) : null;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(DASHBOARD, whenEnabled(assets::page));
        routes.get(ASSETS, whenEnabled(ctx -> assets.asset(ctx, ctx.pathParam("file"))));
        routes.get(HEALTH, authorized(ctx -> Json.respond(ctx, 200, AdminJson.health(report.health()))));
        routes.get(CONNECTION_POOL, authorized(ctx ->
                Json.respond(ctx, 200, AdminJson.connectionPool(report.pool(), Instant.now()))));
        routes.get(DEADLOCKS, authorized(ctx ->
                Json.respond(ctx, 200, AdminJson.deadlocks(report.retries(), report.latestDeadlock(), Instant.now()))));
        routes.get("/admin/database/metrics", authorized(ctx ->
                Json.respond(ctx, 200, AdminJson.metrics(report.metrics()))));
        routes.get(REPLICAS, authorized(ctx ->
                Json.respond(ctx, 200, AdminJson.replicas(report.replicas(), Instant.now()))));
        routes.get(READ_CACHE, authorized(ctx ->
                Json.respond(ctx, 200, AdminJson.readCache(reads.report(), Instant.now()))));
        routes.get(AUDIT, authorized(ctx -> {
            var query = AuditQueries.from(ctx);
            var page = audit.page(query);
            Json.respond(ctx, 200, AdminJson.audit(page, AuditQueries.next(page, query.limit()), Instant.now()));
        }));
        routes.post(DIAGNOSTICS, authorized(ctx ->
                Json.respond(ctx, 200, AdminJson.diagnostics(report.diagnostics(), Instant.now()))));
    }

    private Handler whenEnabled(Handler handler) {
        return ctx -> {
            if (!settings.enabled()) {
                notFound(ctx);
                return;
            }
            handler.handle(ctx);
        };
    }

    private Handler authorized(Handler handler) {
        return whenEnabled(ctx -> {
            switch (authorization.check(ctx.header(AuthorizationHeader.NAME))) {
                case GRANTED -> {
                    ctx.header("Cache-Control", "no-store");
                    handler.handle(ctx);
                }
                case MISSING -> ApiError.of(401, "authorization", "an admin bearer token is required")
                        .withHeader("WWW-Authenticate", "Bearer realm=\"conduit-admin\"")
                        .respondTo(ctx);
                case WRONG -> ApiError.of(403, "authorization", "the admin token is not valid").respondTo(ctx);
            }
        });
    }

    private static void notFound(Context ctx) {
        ApiError.of(404, "route", "not found").respondTo(ctx);
    }
}
