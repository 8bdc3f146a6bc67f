package io.conduithex.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI document of the whole HTTP surface, {@value #RESOURCE} on the classpath, as written (YAML) and as
 * JSON, converted once when the server is built. A document that does not parse stops the start. Immutable;
 * thread-safe.
 */
final class ApiDocument {
    /** Where the document lives: the one place it is written, read by the server and by the tests' checks. */
    static final String RESOURCE = "/io/conduithex/adapter/web/openapi.yml";

    private final byte[] yaml;
    private final byte[] json;

    private ApiDocument(byte[] yaml, byte[] json) {
        this.yaml = yaml;
        this.json = json;
    }

    static ApiDocument load() {
        byte[] yaml;
        try (InputStream in = ApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing from the classpath: " + RESOURCE);
            }
            yaml = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ApiDocument(yaml, Json.write(tree(yaml)));
    }

    /** The document as parsed from its YAML. */
    static JsonNode tree(byte[] yaml) {
        try {
            return new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is not valid YAML", e);
        }
    }

    /** The YAML as written; shared, so never to be modified. */
    byte[] yaml() {
        return yaml;
    }

    /** The same document in JSON; shared, so never to be modified. */
    byte[] json() {
        return json;
    }
}
