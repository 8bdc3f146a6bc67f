package io.conduithex.adapter.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The dashboard page and the few files it loads, all from the classpath: the page's own script and style, and
 * Chart.js from its WebJar. A fixed list of names, so no path from a request ever reaches the classpath lookup.
 * The content security policy lets the page load nothing from anywhere else. Thread-safe; files are read once.
 */
final class DashboardAssets {
    private static final String OWN = "/io/conduithex/adapter/web/admin/";
    private static final String CHART_JS_POM = "/META-INF/maven/org.webjars.npm/chart.js/pom.properties";
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'";

    private final byte[] page = read(OWN + "dashboard.html");
    private final Map<String, Asset> assets = Map.of(
            "dashboard.js", new Asset("text/javascript; charset=utf-8", read(OWN + "dashboard.js")),
            "dashboard.css", new Asset("text/css; charset=utf-8", read(OWN + "dashboard.css")),
            "chart.umd.js", new Asset("text/javascript; charset=utf-8", read(chartJsPath())));

    private record Asset(String contentType, byte[] bytes) {
    }

    void page(Context ctx) {
        secure(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.status(200).contentType("text/html; charset=utf-8").result(page);
    }

    void asset(Context ctx, String name) {
        Asset asset = assets.get(name);
        if (asset == null) {
            ApiError.of(404, "route", "not found").respondTo(ctx);
            return;
        }
        secure(ctx);
        ctx.header("Cache-Control", "max-age=300");
        ctx.status(200).contentType(asset.contentType()).result(asset.bytes());
    }

    private static void secure(Context ctx) {
        ctx.header("Content-Security-Policy", POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
    }

    /** The WebJar's path carries its version; its pom.properties names it, so the version is pinned in one place. */
    private static String chartJsPath() {
        var properties = new Properties();
        try (InputStream in = resource(CHART_JS_POM)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "/META-INF/resources/webjars/chart.js/" + properties.getProperty("version") + "/dist/chart.umd.js";
    }

    private static byte[] read(String path) {
        try (InputStream in = resource(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = DashboardAssets.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing from the classpath: " + path);
        }
        return in;
    }
}
