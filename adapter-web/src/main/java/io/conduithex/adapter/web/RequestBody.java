package io.conduithex.adapter.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conduithex.domain.validation.FieldErrors;
import io.conduithex.domain.validation.ValidationException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a request body within a size limit and finds the wrapper object in it ({@code {"user":{...}}}). */
final class RequestBody {
    static final String NUL_MESSAGE = "can't contain the NUL character";
    private static final char NUL = '\0';

    private RequestBody() {
    }

    /** The raw body, refusing one longer than {@code maxBytes} whether or not Content-Length says so. */
    static byte[] read(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    /**
     * The object under {@code wrapper} in a JSON body; every way of not having one is a 422 naming the field, and
     * so is a field whose text contains U+0000 (PostgreSQL cannot store it in text, and no API text needs it).
     */
    static ObjectNode wrapped(byte[] body, String wrapper) {
        JsonNode root = parse(body);
        if (!root.isObject()) {
            throw invalid("body", "must be a JSON object");
        }
        JsonNode inner = root.get(wrapper);
        if (inner == null || inner.isNull()) {
            throw invalid(wrapper, "can't be blank");
        }
        if (!inner.isObject()) {
            throw invalid(wrapper, "must be an object");
        }
        var errors = FieldErrors.builder();
        for (var field : inner.properties()) {
            if (containsNul(field.getValue())) {
                errors.add(field.getKey(), NUL_MESSAGE);
            }
        }
        errors.throwIfAny();
        return (ObjectNode) inner;
    }

    private static boolean containsNul(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue().indexOf(NUL) >= 0;
        }
        for (JsonNode element : value) {
            if (containsNul(element)) {
                return true;
            }
        }
        return false;
    }

    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw invalid("body", "can't be blank");
        }
        try {
            JsonNode root = Json.parse(body);
            if (root == null || root.isMissingNode()) {
                throw invalid("body", "can't be blank");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw invalid("body", "is not valid JSON");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    private static ValidationException invalid(String field, String message) {
        return new ValidationException(FieldErrors.of(field, message));
    }
}
