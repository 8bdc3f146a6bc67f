package io.conduithex.adapter.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conduithex.domain.validation.FieldErrors;
import io.conduithex.domain.validation.ValidationException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * Reads a request body within a size limit and finds the wrapper object in it ({@code {"user":{...}}}).
 * Bodies are JSON in UTF-8 (RFC 8259 section 8.1), decoded strictly: Jackson on its own would guess UTF-16 or
 * UTF-32 from the first bytes, and would take overlong forms, encoded surrogates and code points past U+10FFFF
 * for characters.
 */
final class RequestBody {
    static final String NUL_MESSAGE = "can't contain the NUL character";
    static final String SURROGATE_MESSAGE = "can't contain an unpaired surrogate";
    static final String NOT_UTF8_MESSAGE = "is not valid UTF-8";
    static final String UNREADABLE_MESSAGE = "was cut short or badly framed";
    private static final char NUL = '\0';
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private RequestBody() {
    }

    /**
     * The raw body, refusing one longer than {@code maxBytes} whether or not Content-Length says so, and one that
     * could not be read to its end (the client stopped short of its Content-Length, or broke the chunked framing).
     */
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
            throw new MalformedRequestException("body", UNREADABLE_MESSAGE, e);
        }
    }

    /**
     * The object under {@code wrapper} in a JSON body; every way of not having one is a 422 naming the field, and
     * so is a field whose text contains U+0000 (PostgreSQL cannot store it in text, and no API text needs it) or
     * an unpaired surrogate (a JSON escape such as {@code "\ud83d"} alone is valid JSON but not Unicode text: no
     * database can store it as sent, so it would come back as something else).
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
            if (anyText(field.getValue(), text -> text.indexOf(NUL) >= 0)) {
                errors.add(field.getKey(), NUL_MESSAGE);
            }
            if (anyText(field.getValue(), RequestBody::hasUnpairedSurrogate)) {
                errors.add(field.getKey(), SURROGATE_MESSAGE);
            }
        }
        errors.throwIfAny();
        return (ObjectNode) inner;
    }

    /** Whether {@code value}, or any text inside it (array elements, object members), matches. */
    private static boolean anyText(JsonNode value, Predicate<String> test) {
        if (value.isTextual()) {
            return test.test(value.textValue());
        }
        for (JsonNode element : value) {
            if (anyText(element, test)) {
                return true;
            }
        }
        return false;
    }

    static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw invalid("body", "can't be blank");
        }
        String text = utf8(body);
        try {
            JsonNode root = Json.parse(text);
            if (root == null || root.isMissingNode()) {
                throw invalid("body", "can't be blank");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw invalid("body", "is not valid JSON");
        }
    }

    /** The body as text; a byte order mark in front is allowed (RFC 8259 lets a parser ignore one) and dropped. */
    private static String utf8(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
            return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw invalid("body", NOT_UTF8_MESSAGE);
        }
    }

    private static ValidationException invalid(String field, String message) {
        return new ValidationException(FieldErrors.of(field, message));
    }
}
