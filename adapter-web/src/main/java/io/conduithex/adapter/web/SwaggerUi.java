package io.conduithex.adapter.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * Swagger UI on the API's document: the page and its script of our own, Swagger UI's script and style from its
 * WebJar, all from the classpath. A fixed list of names, so no path from a request ever reaches the classpath
 * lookup. The content security policy lets the page load nothing from anywhere else (Swagger UI sets styles
 * inline and draws its icons from data: URIs, hence those two allowances). Thread-safe; files are read once.
 */
final class SwaggerUi {
    private static final String OWN = "/io/conduithex/adapter/web/docs/";
    private static final String WEBJAR_POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "connect-src 'self'; img-src 'self' data:; font-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final String JS = "text/javascript; charset=utf-8";

    private final byte[] page = read(OWN + "docs.html");
    private final Map<String, Asset> assets;

    SwaggerUi() {
        String webjar = webjarPath();
        assets = Map.of(
                "docs.js", new Asset(JS, read(OWN + "docs.js")),
                "swagger-ui-bundle.js", new Asset(JS, read(webjar + "swagger-ui-bundle.js")),
                "swagger-ui.css", new Asset("text/css; charset=utf-8", read(webjar + "swagger-ui.css")));
    }

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

    static void secure(Context ctx) {
        ctx.header("Content-Security-Policy", POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
    }

    /** The WebJar's path carries its version; its pom.properties names it, so the version is pinned in one place. */
    private static String webjarPath() {
        var properties = new Properties();
        try (InputStream in = resource(WEBJAR_POM)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "/META-INF/resources/webjars/swagger-ui/" + properties.getProperty("version") + "/";
    }

    private static byte[] read(String path) {
        try (InputStream in = resource(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = SwaggerUi.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing from the classpath: " + path);
        }
        return in;
    }
}
