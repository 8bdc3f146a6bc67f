package io.conduithex.adapter.web;

import io.conduithex.adapter.web.ClasspathPage.Asset;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Swagger UI on the API's document: the page and its script of our own, Swagger UI's script and style from its
 * WebJar, all from the classpath. Its content security policy allows inline styles and data: images and fonts,
 * which Swagger UI uses for its layout and icons; nothing else from anywhere else.
 */
final class SwaggerUi {
    private static final String OWN = "/io/conduithex/adapter/web/docs/";
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "connect-src 'self'; img-src 'self' data:; font-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final ClasspathPage files;

    SwaggerUi() {
        String webjar = ClasspathPage.webjar("org.webjars", "swagger-ui");
        files = new ClasspathPage(POLICY, OWN + "docs.html", Map.of(
                "docs.js", Asset.at(ClasspathPage.JS, OWN + "docs.js"),
                "swagger-ui-bundle.js", Asset.at(ClasspathPage.JS, webjar + "swagger-ui-bundle.js"),
                "swagger-ui.css", Asset.at(ClasspathPage.CSS, webjar + "swagger-ui.css")));
    }

    void page(Context ctx) {
        files.page(ctx);
    }

    void asset(Context ctx, String name) {
        files.asset(ctx, name);
    }

    /** Under this page's policy: the index page, which links here. */
    void secure(Context ctx) {
        files.secure(ctx);
    }
}
