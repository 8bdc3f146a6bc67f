package io.conduithex.testsupport.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the server's OpenAPI 3.1 document as the equivalent OpenAPI 3.0.3 one, for swagger-request-validator,
 * which reads 3.0 schemas only. It rewrites exactly the 3.1 forms the document uses:
 *
 * <ul>
 *   <li>{@code openapi: 3.1.x} becomes {@code 3.0.3};</li>
 *   <li>a schema's {@code type: [T, "null"]} becomes {@code type: T} with {@code nullable: true};</li>
 *   <li>a schema's {@code examples: [e, ...]} becomes {@code example: e} (documentation only).</li>
 * </ul>
 *
 * Everything else must mean the same in both versions, or the rewrite fails with an
 * {@link IllegalArgumentException} naming where (a JSON pointer): a schema keyword outside the ones both versions
 * share ({@code const}, {@code exclusiveMinimum}, {@code $defs}, {@code prefixItems}, {@code if}... and the 3.0
 * {@code nullable}, which 3.1 ignores), a type array other than one type and null, a null type beside an
 * {@code enum}, a schema {@code $ref} with constraints beside it (3.1 applies them, 3.0 drops them), and the 3.1
 * objects 3.0 has no words for ({@code webhooks}, {@code jsonSchemaDialect}, {@code components.pathItems},
 * {@code info.summary}, {@code license.identifier}, the {@code mutualTLS} security scheme). So a 3.1 construct
 * the validator cannot read stops the tests instead of being checked as something looser. Stateless.
 */
public final class OpenApiDowngrade {
    private static final String NULL = "null";

    /** Keywords that mean the same in a 3.0 Schema Object and in 3.1's JSON Schema 2020-12. */
    private static final Set<String> SHARED_KEYWORDS = Set.of(
            "type", "format", "title", "description", "default", "enum", "properties", "required", "items",
            "additionalProperties", "allOf", "oneOf", "anyOf", "not", "minimum", "maximum", "multipleOf",
            "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "minProperties",
            "maxProperties", "readOnly", "writeOnly", "deprecated", "example", "examples", "discriminator", "xml",
            "externalDocs", "$ref");

    /** What may stand beside a {@code $ref} in both versions without changing what it validates. */
    private static final Set<String> REFERENCE_NOTES = Set.of("$ref", "description", "summary");

    /** 3.1 fields of non-schema objects that 3.0 lacks, by the object they belong to (a JSON pointer). */
    private static final Map<String, Set<String>> OBJECT_FIELDS_3_1 = Map.of(
            "", Set.of("webhooks", "jsonSchemaDialect"),
            "/components", Set.of("pathItems"),
            "/info", Set.of("summary"),
            "/info/license", Set.of("identifier"));

    private OpenApiDowngrade() {
    }

    /** The 3.0.3 equivalent of {@code document} (an OpenAPI 3.1 document as a tree), which it leaves unchanged. */
    public static ObjectNode to30(JsonNode document) {
        if (!(document instanceof ObjectNode root)) {
            throw new IllegalArgumentException("an OpenAPI document is an object, not " + document.getNodeType());
        }
        String version = root.path("openapi").asText();
        if (!version.startsWith("3.1.")) {
            throw new IllegalArgumentException("expected an OpenAPI 3.1 document, found openapi: " + version);
        }
        ObjectNode copy = root.deepCopy();
        copy.put("openapi", "3.0.3");
        List<String> refused = new ArrayList<>();
        walkObject(copy, "", refused);
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("the OpenAPI 3.1 document uses what its 3.0 rendering cannot say: "
                    + String.join("; ", refused));
        }
        return copy;
    }

    /** An OpenAPI object that is not a schema: finds the schemas under it. */
    private static void walkObject(JsonNode node, String pointer, List<String> refused) {
        if (node instanceof ObjectNode object) {
            OBJECT_FIELDS_3_1.getOrDefault(pointer, Set.of()).stream().filter(object::has)
                    .forEach(field -> refused.add(pointer + "/" + field + ": a 3.1 field"));
            if ("mutualTLS".equals(object.path("type").asText()) && pointer.startsWith("/components/securitySchemes/")) {
                refused.add(pointer + ": the mutualTLS security scheme is 3.1 only");
            }
            object.properties().forEach(field -> {
                String name = field.getKey();
                String at = pointer + "/" + escaped(name);
                if (name.startsWith("x-") || name.equals("example") || name.equals("examples")) {
                    return; // values, not OpenAPI objects
                }
                if (name.equals("schema")) {
                    walkSchema(field.getValue(), at, refused);
                } else if (name.equals("schemas") && pointer.equals("/components")) {
                    field.getValue().properties().forEach(schema ->
                            walkSchema(schema.getValue(), at + "/" + escaped(schema.getKey()), refused));
                } else {
                    walkObject(field.getValue(), at, refused);
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                walkObject(array.get(i), pointer + "/" + i, refused);
            }
        }
    }

    private static void walkSchema(JsonNode node, String pointer, List<String> refused) {
        if (!(node instanceof ObjectNode schema)) {
            refused.add(pointer + ": a schema that is not an object (" + node.getNodeType() + ")");
            return;
        }
        List<String> keywords = schema.properties().stream().map(Map.Entry::getKey).toList();
        for (String keyword : keywords) {
            if (!keyword.startsWith("x-") && !SHARED_KEYWORDS.contains(keyword)) {
                refused.add(pointer + "/" + escaped(keyword) + ": a keyword 3.0 does not read the same way");
            } else if (schema.has("$ref") && !REFERENCE_NOTES.contains(keyword)) {
                refused.add(pointer + "/" + escaped(keyword) + ": beside a $ref, which 3.0 reads alone");
            }
        }
        rewriteType(schema, pointer, refused);
        rewriteExamples(schema, pointer, refused);
        schema.path("properties").properties().forEach(property -> walkSchema(property.getValue(),
                pointer + "/properties/" + escaped(property.getKey()), refused));
        for (String single : List.of("items", "not")) {
            if (schema.has(single)) {
                walkSchema(schema.get(single), pointer + "/" + single, refused);
            }
        }
        if (schema.path("additionalProperties").isObject()) {
            walkSchema(schema.get("additionalProperties"), pointer + "/additionalProperties", refused);
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            JsonNode members = schema.path(combinator);
            for (int i = 0; i < members.size(); i++) {
                walkSchema(members.get(i), pointer + "/" + combinator + "/" + i, refused);
            }
        }
    }

    /** {@code type: [T, "null"]} as {@code type: T, nullable: true}; a single type stays as it is. */
    private static void rewriteType(ObjectNode schema, String pointer, List<String> refused) {
        JsonNode type = schema.get("type");
        if (type == null || type.isTextual() && !type.asText().equals(NULL)) {
            return;
        }
        List<String> others = new ArrayList<>();
        boolean nullable = false;
        for (JsonNode member : type.isArray() ? type : JsonNodeFactory.instance.arrayNode().add(type)) {
            if (member.asText().equals(NULL)) {
                nullable = true;
            } else {
                others.add(member.asText());
            }
        }
        if (others.size() != 1 || !nullable) {
            refused.add(pointer + "/type: " + type + " (3.0 says one type, and null only with it)");
            return;
        }
        if (schema.has("enum")) {
            // 3.1 takes null only if the enum lists it; 3.0's nullable is read differently by its tools.
            refused.add(pointer + "/type: null beside an enum");
            return;
        }
        schema.put("type", others.get(0));
        schema.put("nullable", true);
    }

    private static void rewriteExamples(ObjectNode schema, String pointer, List<String> refused) {
        JsonNode examples = schema.get("examples");
        if (examples == null) {
            return;
        }
        if (!examples.isArray() || examples.isEmpty() || schema.has("example")) {
            refused.add(pointer + "/examples: not a list of examples alone (3.0 has one example)");
            return;
        }
        schema.set("example", examples.get(0));
        schema.remove("examples");
    }

    private static String escaped(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
