package io.conduithex.adapter.web;

import io.conduithex.application.idempotency.IdempotentWrites;
import io.conduithex.application.idempotency.KeyedRequest;
import io.conduithex.domain.idempotency.IdempotencyKey;
import io.conduithex.domain.idempotency.KeyScope;
import io.conduithex.domain.idempotency.RequestFingerprint;
import io.conduithex.domain.idempotency.StoredResponse;
import io.conduithex.domain.validation.InvalidValueException;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers a write, honouring its {@code Idempotency-Key} header (README, "Idempotency keys"): without one the
 * write runs as usual; with one it runs at most once for the caller's key, and a retry of the same request gets
 * the stored response again byte for byte, marked {@code Idempotent-Replayed: true}.
 */
final class KeyedWrites {
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final String NO_CONTENT_TYPE = "";

    private final IdempotentWrites writes;

    @Inject
    KeyedWrites(IdempotentWrites writes) {
        this.writes = writes;
    }

    /**
     * Answers {@code ctx} with {@code status} and the JSON of what {@code write} returns.
     *
     * @param useCase the name of the write's unit of work, which the keyed one takes
     */
    void respond(Context ctx, String useCase, KeyScope scope, int status, Supplier<Object> write) {
        Optional<IdempotencyKey> key = keyOf(ctx);
        if (key.isEmpty()) {
            Json.respond(ctx, status, write.get());
            return;
        }
        send(ctx, writes.run(request(ctx, useCase, scope, key.get()),
                () -> new StoredResponse(status, Json.CONTENT_TYPE, Json.write(write.get()))));
    }

    /** Answers {@code ctx} with 204 No Content once {@code write} ran. */
    void noContent(Context ctx, String useCase, KeyScope scope, Runnable write) {
        Optional<IdempotencyKey> key = keyOf(ctx);
        if (key.isEmpty()) {
            write.run();
            Json.noContent(ctx);
            return;
        }
        send(ctx, writes.run(request(ctx, useCase, scope, key.get()), () -> {
            write.run();
            return new StoredResponse(204, NO_CONTENT_TYPE, new byte[0]);
        }));
    }

    private static KeyedRequest request(Context ctx, String useCase, KeyScope scope, IdempotencyKey key) {
        String query = ctx.queryString();
        String target = query == null ? ctx.path() : ctx.path() + '?' + query;
        var fingerprint = RequestFingerprint.of(ctx.method().name(), target, RequestBodies.read(ctx));
        return new KeyedRequest(scope, key, fingerprint, useCase);
    }

    private static void send(Context ctx, IdempotentWrites.Answer answer) {
        StoredResponse response = answer.response();
        if (answer.replayed()) {
            ctx.header(REPLAYED, "true");
        }
        if (response.contentType().equals(NO_CONTENT_TYPE)) {
            Json.noContent(ctx);
            ctx.status(response.status());
        } else {
            Json.respondWritten(ctx, response.status(), response.body());
        }
    }

    /**
     * The request's key, if it sent one; a key that breaks the rules is a 400 naming the header, an empty one
     * included (the servlet API reads an empty header as absent, so the header's presence is asked apart).
     */
    static Optional<IdempotencyKey> keyOf(Context ctx) {
        if (!ctx.req().getHeaders(HEADER).hasMoreElements()) {
            return Optional.empty();
        }
        String raw = ctx.req().getHeader(HEADER);
        if (raw == null) {
            raw = "";
        }
        try {
            return Optional.of(new IdempotencyKey(raw));
        } catch (InvalidValueException e) {
            throw new MalformedRequestException(HEADER, e.getMessage(), null);
        }
    }
}
