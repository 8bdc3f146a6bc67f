package io.conduithex.adapter.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import jakarta.inject.Inject;

/** Reads a request's JSON body, at most the configured size, as the object under its wrapper ({@code user}...). */
final class RequestBodies {
    private static final String RAW = "conduit.request-body";
    private static final byte[] NONE = new byte[0];

    private final long maxBodyBytes;

    @Inject
    RequestBodies(WebSettings settings) {
        this.maxBodyBytes = settings.maxBodyBytes();
    }

    /** @see RequestBody#read(Context, long) and {@link RequestBody#wrapped(byte[], String)} for what is refused */
    ObjectNode wrapped(Context ctx, String wrapper) {
        byte[] body = RequestBody.read(ctx, maxBodyBytes);
        ctx.attribute(RAW, body);
        return RequestBody.wrapped(body, wrapper);
    }

    /** The bytes {@link #wrapped} read from {@code ctx}'s body; none when the route reads no body. */
    static byte[] read(Context ctx) {
        byte[] body = ctx.attribute(RAW);
        return body == null ? NONE : body;
    }
}
