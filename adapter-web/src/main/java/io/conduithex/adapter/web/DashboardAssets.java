package io.conduithex.adapter.web;

import io.conduithex.adapter.web.ClasspathPage.Asset;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The dashboard page and the few files it loads, all from the classpath: the page's own script and style, and
 * Chart.js from its WebJar.
 */
final class DashboardAssets {
    private static final String OWN = "/io/conduithex/adapter/web/admin/";
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'";

    private final ClasspathPage files = new ClasspathPage(POLICY, OWN + "dashboard.html", Map.of(
            "dashboard.js", Asset.at(ClasspathPage.JS, OWN + "dashboard.js"),
            "dashboard.css", Asset.at(ClasspathPage.CSS, OWN + "dashboard.css"),
            "chart.umd.js", Asset.at(ClasspathPage.JS,
                    ClasspathPage.webjar("org.webjars.npm", "chart.js") + "dist/chart.umd.js")));

    void page(Context ctx) {
        files.page(ctx);
    }

    void asset(Context ctx, String name) {
        files.asset(ctx, name);
    }
}
