package io.conduithex.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conduithex.application.command.FieldChange;
import io.conduithex.domain.validation.FieldErrors;
import java.util.function.Function;

/**
 * Reads the fields of a request's JSON object for the commands. A field of the wrong JSON type is reported as
 * such, under its name, before any value is validated, so a number given as e-mail is not called blank.
 */
final class RequestFields {
    static final String NOT_A_STRING = "must be a string";

    private RequestFields() {
    }

    /** The field's text, or null when absent or null (the command then says it can't be blank). */
    static String text(ObjectNode object, String field, FieldErrors.Builder types) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : string(value, field, types);
    }

    /** A text field of a partial update, as {@link #change(ObjectNode, String, Function)} reads it. */
    static FieldChange<String> change(ObjectNode object, String field, FieldErrors.Builder types) {
        return change(object, field, value -> string(value, field, types));
    }

    /**
     * A field of a partial update: absent leaves it unchanged, {@code null} clears it, and any other value is
     * what {@code read} makes of it. {@code read} reports a value of the wrong JSON type itself and answers null,
     * which leaves the field unchanged.
     */
    static <T> FieldChange<T> change(ObjectNode object, String field, Function<JsonNode, T> read) {
        JsonNode value = object.get(field);
        if (value == null) {
            return FieldChange.unchanged();
        }
        if (value.isNull()) {
            return FieldChange.cleared();
        }
        T given = read.apply(value);
        return given == null ? FieldChange.unchanged() : FieldChange.setTo(given);
    }

    private static String string(JsonNode value, String field, FieldErrors.Builder types) {
        if (!value.isTextual()) {
            types.add(field, NOT_A_STRING);
            return null;
        }
        return value.textValue();
    }
}
