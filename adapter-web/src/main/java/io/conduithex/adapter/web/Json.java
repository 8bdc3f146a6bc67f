package io.conduithex.adapter.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one JSON codec of the web adapter: Java time as ISO-8601 strings, instants always with exactly three
 * fraction digits in UTC ({@code 2016-02-18T03:22:56.000Z}), strict parsing (no trailing tokens, no duplicate
 * keys). Thread-safe.
 */
final class Json {
    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("conduit-instants").addSerializer(Instant.class, new InstantMillisSerializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses a request body already decoded to text; {@code JsonProcessingException} means it is not valid JSON. */
    static JsonNode parse(String body) throws JsonProcessingException {
        return MAPPER.readTree(body);
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialize " + value.getClass().getName(), e);
        }
    }

    /** Writes {@code body} as the JSON response with {@code status}. */
    static void respond(Context ctx, int status, Object body) {
        respondWritten(ctx, status, write(body));
    }

    /** Answers with {@code json}, a body {@link #write} produced earlier. */
    static void respondWritten(Context ctx, int status, byte[] json) {
        ctx.status(status).contentType(CONTENT_TYPE).result(json);
        exactContentType(ctx.req());
    }

    /** Answers {@code 204 No Content}: no body, and no content type for the body there is not. */
    static void noContent(Context ctx) {
        ctx.res().setContentType(null);
        ctx.status(204);
    }

    /**
     * Jetty rewrites a known content type into its canonical form ({@code application/json;charset=utf-8});
     * the API promises the spelling with a space, so the header field is set again below the servlet API.
     */
    static void exactContentType(HttpServletRequest request) {
        var jettyRequest = ServletContextRequest.getServletContextRequest(request);
        if (jettyRequest != null) {
            Response.getOriginalResponse(jettyRequest.getServletContextResponse())
                    .getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        }
    }

    /** Instants as {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, truncated to milliseconds, always three fraction digits. */
    static final class InstantMillisSerializer extends StdSerializer<Instant> {
        private static final long serialVersionUID = 1L;
        private static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

        InstantMillisSerializer() {
            super(Instant.class);
        }

        /**
         * Written by hand for the years 0000 to 9999 (every timestamp the API stores): DateTimeFormatter's
         * general path was 4% of a page's CPU. Other years, which only a hand-edited database could hold, take
         * that path.
         */
        static String format(Instant instant) {
            var time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
            int year = time.getYear();
            if (year < 0 || year > 9999) {
                return FORMAT.format(instant);
            }
            char[] text = new char[24];
            digits(text, 0, year, 4);
            text[4] = '-';
            digits(text, 5, time.getMonthValue(), 2);
            text[7] = '-';
            digits(text, 8, time.getDayOfMonth(), 2);
            text[10] = 'T';
            digits(text, 11, time.getHour(), 2);
            text[13] = ':';
            digits(text, 14, time.getMinute(), 2);
            text[16] = ':';
            digits(text, 17, time.getSecond(), 2);
            text[19] = '.';
            digits(text, 20, time.getNano() / 1_000_000, 3);
            text[23] = 'Z';
            return new String(text);
        }

        /** {@code value} in {@code width} decimal digits, zero-padded, at {@code at}. */
        private static void digits(char[] text, int at, int value, int width) {
            for (int i = at + width - 1; i >= at; i--) {
                text[i] = (char) ('0' + value % 10);
                value /= 10;
            }
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(format(value));
        }
    }
}
