package io.conduithex.testsupport.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class OpenApiDowngradeTest {
    private static final String PATHS = """
            paths:
              /things/{id}:
                parameters:
                  - name: id
                    in: path
                    required: true
                    schema:
                      type: [string, 'null']
                get:
                  responses:
                    '200':
                      description: a thing
                      headers:
                        X-Left:
                          schema:
                            type: [integer, 'null']
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Thing'
            """;

    @Test
    void aNullTypeBecomesNullableWhereverASchemaStands() {
        JsonNode converted = OpenApiDowngrade.to30(document("""
                openapi: 3.1.0
                %s
                components:
                  schemas:
                    Thing:
                      type: object
                      properties:
                        name:
                          type: string
                          examples: [Jake, Finn]
                        bio:
                          type: [string, 'null']
                        tags:
                          type: [array, 'null']
                          items:
                            type: [string, 'null']
                        extra:
                          type: object
                          additionalProperties:
                            allOf:
                              - type: [boolean, 'null']
                """.formatted(PATHS)));

        assertThat(converted.get("openapi").asText()).isEqualTo("3.0.3");
        var thing = converted.at("/components/schemas/Thing/properties");
        assertThat(thing.at("/name").toString()).isEqualTo("{\"type\":\"string\",\"example\":\"Jake\"}");
        assertThat(thing.at("/bio").toString()).isEqualTo("{\"type\":\"string\",\"nullable\":true}");
        assertThat(thing.at("/tags/type").asText()).isEqualTo("array");
        assertThat(thing.at("/tags/items").toString()).isEqualTo("{\"type\":\"string\",\"nullable\":true}");
        assertThat(thing.at("/extra/additionalProperties/allOf/0").toString())
                .isEqualTo("{\"type\":\"boolean\",\"nullable\":true}");
        assertThat(converted.at("/paths/~1things~1{id}/parameters/0/schema").toString())
                .isEqualTo("{\"type\":\"string\",\"nullable\":true}");
        assertThat(converted.at("/paths/~1things~1{id}/get/responses/200/headers/X-Left/schema").toString())
                .isEqualTo("{\"type\":\"integer\",\"nullable\":true}");
    }

    @Test
    void theDocumentGivenIsLeftAsItWas() {
        var given = document("""
                openapi: 3.1.0
                components:
                  schemas:
                    Bio:
                      type: [string, 'null']
                """);
        var before = given.deepCopy();

        OpenApiDowngrade.to30(given);

        assertThat(given).isEqualTo(before);
    }

    @Test
    void schemaKeywordsThat30ReadsOtherwiseAreRefusedByWhereTheyStand() {
        assertRefused(schema("type: [string, integer]"), "/components/schemas/Thing/type");
        assertRefused(schema("type: 'null'"), "/components/schemas/Thing/type");
        assertRefused(schema("type: [string, 'null']\n      enum: [a, b, null]"), "null beside an enum");
        assertRefused(schema("type: string\n      nullable: true"), "/components/schemas/Thing/nullable");
        assertRefused(schema("const: 3"), "/components/schemas/Thing/const");
        assertRefused(schema("type: integer\n      exclusiveMinimum: 0"), "/components/schemas/Thing/exclusiveMinimum");
        assertRefused(schema("$defs: {}"), "/components/schemas/Thing/$defs");
        assertRefused(schema("type: array\n      prefixItems: [{type: string}]"), "prefixItems");
        assertRefused(schema("$ref: '#/components/schemas/Other'\n      maxLength: 3"), "maxLength: beside a $ref");
        assertRefused(schema("type: string\n      examples: Jake"), "/components/schemas/Thing/examples");
        assertRefused(schema("type: object\n      properties:\n        deep:\n          if: {type: string}"),
                "/components/schemas/Thing/properties/deep/if");
    }

    @Test
    void openApiObjectsThat30LacksAreRefused() {
        assertRefused(document("openapi: 3.1.0\nwebhooks: {}\njsonSchemaDialect: x"), "/webhooks", "/jsonSchemaDialect");
        assertRefused(document("openapi: 3.1.0\ninfo:\n  summary: s\n  license:\n    identifier: MIT"),
                "/info/summary", "/info/license/identifier");
        assertRefused(document("openapi: 3.1.0\ncomponents:\n  pathItems: {}"), "/components/pathItems");
        assertRefused(document("openapi: 3.1.0\ncomponents:\n  securitySchemes:\n    Tls:\n      type: mutualTLS"),
                "mutualTLS");
    }

    @Test
    void aDocumentThatIsNot31IsRefused() {
        assertThatThrownBy(() -> OpenApiDowngrade.to30(document("openapi: 3.0.3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found openapi: 3.0.3");
    }

    private static void assertRefused(JsonNode document, String... named) {
        assertThatThrownBy(() -> OpenApiDowngrade.to30(document))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot say")
                .hasMessageContainingAll(named);
    }

    private static JsonNode schema(String keywords) {
        return document("""
                openapi: 3.1.0
                components:
                  schemas:
                    Thing:
                      %s
                """.formatted(keywords));
    }

    private static JsonNode document(String yaml) {
        try {
            return new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
