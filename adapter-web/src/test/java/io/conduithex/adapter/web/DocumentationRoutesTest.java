package io.conduithex.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The API's document, Swagger UI on it and the index page at {@code /}, as served. */
class DocumentationRoutesTest extends WebServerTest {

    @Test
    void theDocumentIsServedAsWrittenInYamlAndConvertedToJson() throws Exception {
        start(WebSettings.defaults());
        byte[] written;
        try (InputStream in = ApiDocument.class.getResourceAsStream(ApiDocument.RESOURCE)) {
            written = in.readAllBytes();
        }

        var yaml = send(get("/api/openapi.yml"));
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/yaml;");
        assertThat(yaml.body()).isEqualTo(new String(written, StandardCharsets.UTF_8));

        var json = send(get("/api/openapi.json"));
        assertThat(json.statusCode()).isEqualTo(200);
        assertJson(json);
        var tree = new ObjectMapper().readTree(json.body());
        assertThat(tree.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(tree.get("paths").has("/api/articles/{slug}")).isTrue();
        assertThat(tree).isEqualTo(ApiDocument.tree(written));
    }

    @Test
    void swaggerUiIsServedFromTheJarAndReadsTheJsonDocument() throws Exception {
        start(WebSettings.defaults());

        var page = send(get("/api/docs"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html;");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .startsWith("default-src 'none'; script-src 'self';");
        assertThat(page.body()).contains("<div id=\"swagger-ui\">", "/api/docs/swagger-ui-bundle.js",
                "/api/docs/swagger-ui.css", "/api/docs/docs.js").doesNotContain("http://", "https://");

        var init = send(get("/api/docs/docs.js"));
        assertThat(init.statusCode()).isEqualTo(200);
        assertThat(init.body()).contains("url: '/api/openapi.json'", "persistAuthorization: true",
                "validatorUrl: null");

        HttpResponse<String> bundle = send(get("/api/docs/swagger-ui-bundle.js"));
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript;");
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertThat(send(get("/api/docs/swagger-ui.css")).statusCode()).isEqualTo(200);

        var unknown = send(get("/api/docs/index.html"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo(errorBody(unknown, "{\"route\":[\"not found\"]}"));
    }

    @Test
    void theDocumentationAnswersWhileTheApiIsNotReady() throws Exception {
        readiness.notReady("starting");
        start(WebSettings.defaults());

        assertThat(send(get("/api/tags")).statusCode()).isEqualTo(503);
        assertThat(send(get("/api/openapi.json")).statusCode()).isEqualTo(200);
        assertThat(send(get("/api/openapi.yml")).statusCode()).isEqualTo(200);
        assertThat(send(get("/api/docs")).statusCode()).isEqualTo(200);
        assertThat(send(get("/api/docs/docs.js")).statusCode()).isEqualTo(200);
    }

    @Test
    void theIndexLinksTheDocumentationProbesAndMetricsButNoDashboardWithoutAnAdminToken() throws Exception {
        start(WebSettings.defaults());

        var index = send(get("/"));
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html;");
        assertThat(index.body()).contains("href=\"/api/docs\"", "href=\"/api/openapi.yml\"",
                "href=\"/health/live\"", "href=\"/health/ready\"", "href=\"/metrics\"")
                .doesNotContain("/admin");
    }

    @Test
    void theIndexLinksTheDashboardWhenTheAdminSurfaceIsOn() throws Exception {
        admin = AdminSettings.withToken("an-admin-token-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8));
        start(WebSettings.defaults());

        assertThat(send(get("/")).body()).contains("href=\"/admin\"", "href=\"/api/docs\"");
    }
}
