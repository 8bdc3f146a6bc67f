package io.conduithex.adapter.web;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-origin access for browser clients: every response names the allowed origin, and OPTIONS requests
 * (preflights) are answered here with the allowed methods and headers, whatever the path.
 */
final class Cors {
    static final String ALLOW_METHODS = "GET, POST, PUT, DELETE, OPTIONS";
    static final String ALLOW_HEADERS = "Content-Type, Authorization, X-Requested-With, " + ReadYourWrites.HEADER
            + ", " + KeyedWrites.HEADER + ", " + RequestIds.HEADER;
    static final String EXPOSE_HEADERS = RequestIds.HEADER + ", " + ReadYourWrites.HEADER + ", " + KeyedWrites.REPLAYED
            + ", Retry-After";
    static final String MAX_AGE_SECONDS = "86400";

    private final boolean anyOrigin;
    private final Set<String> origins;

    Cors(WebSettings settings) {
        this.anyOrigin = settings.allowsAnyOrigin();
        this.origins = settings.allowedOrigins().stream().map(Cors::normalized).collect(Collectors.toUnmodifiableSet());
    }

    /** Adds the origin headers every response carries. */
    void decorate(Context ctx) {
        if (anyOrigin) {
            ctx.header("Access-Control-Allow-Origin", "*");
        } else {
            ctx.header("Vary", "Origin");
            String origin = ctx.header("Origin");
            if (origin != null && origins.contains(normalized(origin))) {
                ctx.header("Access-Control-Allow-Origin", origin);
            }
        }
        ctx.header("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    }

    static boolean isPreflight(Context ctx) {
        return "OPTIONS".equals(ctx.req().getMethod());
    }

    /** Answers a preflight with 204; the caller skips routing afterwards. */
    void answerPreflight(Context ctx) {
        ctx.header("Access-Control-Allow-Methods", ALLOW_METHODS);
        ctx.header("Access-Control-Allow-Headers", ALLOW_HEADERS);
        ctx.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
        ctx.res().setContentType(null);
        ctx.status(204);
    }

    private static String normalized(String origin) {
        String lower = origin.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
