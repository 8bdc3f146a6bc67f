package io.conduithex.adapter.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;

/**
 * The API describes itself: its OpenAPI document ({@link ApiDocument}) in YAML and JSON, Swagger UI on it
 * ({@link SwaggerUi}), and at {@code /} a page of links to them, the probes, the metrics and (when the admin
 * surface is on) the dashboard. No token needed. Answered while the application is still starting, like the
 * probes: a document says nothing about the database.
 */
final class DocumentationRoutes implements RouteGroup {
    static final String INDEX = "/";
    static final String YAML = "/api/openapi.yml";
    static final String JSON = "/api/openapi.json";
    static final String DOCS = "/api/docs";
    static final String DOCS_ASSETS = "/api/docs/{file}";
    private static final String YAML_CONTENT_TYPE = "application/yaml; charset=utf-8";

    private final ApiDocument document = ApiDocument.load();
    private final SwaggerUi swaggerUi = new SwaggerUi();
    private final byte[] index;

    @Inject
    DocumentationRoutes(AdminSettings admin) {
        this.index = indexPage(admin.enabled()).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code path} is one of these routes under {@code /api/}, which readiness does not hold back. */
    static boolean isDocumentation(String path) {
        return path.equals(YAML) || path.equals(JSON) || path.equals(DOCS) || path.startsWith(DOCS + "/");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(INDEX, this::index);
        routes.get(YAML, ctx -> ctx.status(200).contentType(YAML_CONTENT_TYPE).result(document.yaml()));
        routes.get(JSON, ctx -> Json.respondWritten(ctx, 200, document.json()));
        routes.get(DOCS, swaggerUi::page);
        routes.get(DOCS_ASSETS, ctx -> swaggerUi.asset(ctx, ctx.pathParam("file")));
    }

    private void index(Context ctx) {
        swaggerUi.secure(ctx);
        ctx.status(200).contentType("text/html; charset=utf-8").result(index);
    }

    private static String indexPage(boolean admin) {
        var links = new StringBuilder()
                .append(link(DOCS, "API documentation (Swagger UI)"))
                .append(link(YAML, "OpenAPI document (YAML)"))
                .append(link(JSON, "OpenAPI document (JSON)"))
                .append(link(HealthRoutes.LIVE, "Liveness"))
                .append(link(HealthRoutes.READY, "Readiness"))
                .append(link(MetricsRoutes.METRICS, "Metrics (Prometheus)"));
        if (admin) {
            links.append(link(AdminRoutes.DASHBOARD, "Admin dashboard (needs the admin token)"));
        }
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n"
                + "  <title>conduit-hex</title>\n</head>\n<body>\n<h1>conduit-hex</h1>\n"
                + "<p>A RealWorld Conduit API server. The API is under <code>/api</code>.</p>\n<ul>\n"
                + links + "</ul>\n</body>\n</html>\n";
    }

    private static String link(String href, String text) {
        return "  <li><a href=\"" + href + "\">" + text + "</a> <code>" + href + "</code></li>\n";
    }
}
