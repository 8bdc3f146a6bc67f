package io.conduithex.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document and the server's routes say the same thing: every route Javalin registered is an operation
 * of the document and every operation of the document is a registered route, so neither can drift from the other.
 */
class RouteDocumentationTest extends WebServerTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");

    @Test
    void theDocumentDescribesExactlyTheRoutesTheServerRegisters() {
        start(WebSettings.defaults());
        Set<String> registered = new TreeSet<>(server.routes());
        Set<String> documented = new TreeSet<>(operations(document()));
        assertThat(registered).as("the server's routes").contains("GET /api/tags", "POST /admin/database/diagnostics",
                "GET /api/openapi.json", "GET /");

        var undocumented = new TreeSet<>(registered);
        undocumented.removeAll(documented);
        var unrouted = new TreeSet<>(documented);
        unrouted.removeAll(registered);
        assertThat(undocumented).as("routes the server registers that the OpenAPI document does not describe")
                .isEmpty();
        assertThat(unrouted).as("operations the OpenAPI document describes that no route of the server answers")
                .isEmpty();
    }

    @Test
    void everyWriteUnderTheApiButTheLoginTakesAnIdempotencyKey() {
        JsonNode paths = document().get("paths");
        List<String> without = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String method = operation.getKey();
            boolean write = method.equals("post") || method.equals("put") || method.equals("delete");
            if (write && path.getKey().startsWith("/api/") && !path.getKey().equals(UserRoutes.LOGIN)
                    && !takesIdempotencyKey(operation.getValue())) {
                without.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        assertThat(without).as("writes under /api that do not document the Idempotency-Key header").isEmpty();
        assertThat(takesIdempotencyKey(paths.get(UserRoutes.LOGIN).get("post"))).as("the login").isFalse();
    }

    @Test
    void theDocumentIsOpenApi31WithTheErrorShapeAndBothSecuritySchemes() {
        JsonNode document = document();
        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.findParents("nullable")).as("3.0's nullable, which 3.1 ignores: use a type list with"
                + " 'null'").isEmpty();
        JsonNode components = document.get("components");
        assertThat(components.at("/schemas/ErrorBody/required").toString()).isEqualTo("[\"errors\",\"requestId\"]");
        assertThat(components.at("/securitySchemes/Token/name").asText()).isEqualTo("Authorization");
        assertThat(components.at("/securitySchemes/AdminBearer/scheme").asText()).isEqualTo("bearer");
        for (String status : List.of("400", "401", "403", "404", "409", "413", "422", "429", "503")) {
            List<String> answers = new ArrayList<>();
            document.get("paths").properties().stream().filter(path -> path.getKey().startsWith("/api/"))
                    .forEach(path -> answers.addAll(path.getValue().findValues(status).stream()
                            .map(JsonNode::toString).toList()));
            assertThat(answers).as("answers with status %s under /api", status).isNotEmpty()
                    .allSatisfy(response -> assertThat(response).contains("#/components/responses/"));
        }
        assertThat(components.at("/responses/Unprocessable/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/ErrorBody");
        assertThat(components.at("/responses/Unavailable/headers/Retry-After").isMissingNode()).isFalse();
        assertThat(components.at("/parameters/Limit/schema/maximum").asInt()).isEqualTo(100);
        assertThat(components.at("/parameters/Offset/schema/maximum").asInt()).isEqualTo(10_000);
    }

    /** "METHOD /path" of every operation of {@code document}. */
    static List<String> operations(JsonNode document) {
        List<String> operations = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (METHODS.contains(operation.getKey())) {
                operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    static JsonNode document() {
        try (InputStream in = ApiDocument.class.getResourceAsStream(ApiDocument.RESOURCE)) {
            return ApiDocument.tree(in.readAllBytes());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean takesIdempotencyKey(JsonNode operation) {
        return operation.path("parameters").findValuesAsText("$ref").contains("#/components/parameters/IdempotencyKey");
    }
}
