package io.conduithex.adapter.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * A page and the fixed set of files it loads, read once from the classpath and served under a content security
 * policy that lets the page load nothing from anywhere else. A fixed list of names, so no path from a request
 * ever reaches the classpath lookup. Thread-safe.
 */
final class ClasspathPage {
    static final String JS = "text/javascript; charset=utf-8";
    static final String CSS = "text/css; charset=utf-8";

    /** A file the page loads, by its content type and its bytes. */
    record Asset(String contentType, byte[] bytes) {
        static Asset at(String contentType, String path) {
            return new Asset(contentType, read(path));
        }
    }

    private final String policy;
    private final byte[] page;
    private final Map<String, Asset> assets;

    /** @param assets the files by the name a request asks them by */
    ClasspathPage(String policy, String pagePath, Map<String, Asset> assets) {
        this.policy = policy;
        this.page = read(pagePath);
        this.assets = Map.copyOf(assets);
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

    /** This page's policy, for another answer served under it. */
    void secure(Context ctx) {
        ctx.header("Content-Security-Policy", policy);
        ctx.header("X-Content-Type-Options", "nosniff");
    }

    /**
     * The folder of a WebJar's files. Its path carries the version, which its pom.properties names, so the version
     * is pinned in one place: the build.
     */
    static String webjar(String group, String artifact) {
        var properties = new Properties();
        try (InputStream in = resource("/META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "/META-INF/resources/webjars/" + artifact + "/" + properties.getProperty("version") + "/";
    }

    private static byte[] read(String path) {
        try (InputStream in = resource(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = ClasspathPage.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing from the classpath: " + path);
        }
        return in;
    }
}
