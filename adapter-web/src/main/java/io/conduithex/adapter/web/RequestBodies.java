package io.conduithex.adapter.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import jakarta.inject.Inject;

/** Reads a request's JSON body, at most the configured size, as the object under its wrapper ({@code user}...). */
final class RequestBodies {
    private final long maxBodyBytes;

    @Inject
    RequestBodies(WebSettings settings) {
        this.maxBodyBytes = settings.maxBodyBytes();
    }

    /** @see RequestBody#read(Context, long) and {@link RequestBody#wrapped(byte[], String)} for what is refused */
    ObjectNode wrapped(Context ctx, String wrapper) {
        return RequestBody.wrapped(RequestBody.read(ctx, maxBodyBytes), wrapper);
    }
}
