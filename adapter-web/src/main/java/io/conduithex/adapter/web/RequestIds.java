package io.conduithex.adapter.web;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** The id that ties a request's response, log line and error reports together. */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    // A caller's id is reused only when it cannot smuggle anything into a log line or a header.
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:+/=-]{1,128}");

    private RequestIds() {
    }

    /**
     * The id of the request this thread serves (from the logging context), or a new one outside a request. An
     * error id given to a client is this id, so the client's report, the request's log line and the stack trace
     * logged under it all carry the same id.
     */
    static String currentOrNew() {
        String current = MDC.get(MDC_KEY);
        return current != null ? current : generate();
    }

    /**
     * The id {@code ctx}'s response carries: the one the before-handler gave it, else (the request failed before
     * that handler ran) one reused from the request or generated, set on the response now, so that the header,
     * an error body and the request's log line (which reads the header) all name the same id.
     */
    static String ofResponse(Context ctx) {
        String given = ctx.res().getHeader(HEADER);
        if (given != null) {
            return given;
        }
        String id = reuseOrGenerate(ctx.header(HEADER));
        ctx.header(HEADER, id);
        return id;
    }

    /** {@code incoming} when it is sane, else a new random id. */
    static String reuseOrGenerate(String incoming) {
        if (incoming != null && SANE.matcher(incoming).matches()) {
            return incoming;
        }
        return generate();
    }

    /**
     * A random (version 4) UUID from a non-cryptographic generator: an id only ties log lines together and is
     * shown to the client anyway, so it needs to be unique, not unguessable, and SecureRandom's digest was 2% of
     * a request's CPU.
     */
    static String generate() {
        var random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0x3L << 62)) | (0x2L << 62);
        return new UUID(high, low).toString();
    }
}
