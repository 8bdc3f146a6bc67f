package io.conduithex.adapter.web;

import io.conduithex.domain.user.UserId;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Finds the caller of a request from {@code Authorization: Token <jwt>} (or {@code Bearer <jwt>}), spelled as
 * {@link AuthorizationHeader} reads it. A header that is present but unacceptable is always refused, even where
 * authentication is optional: a client that sent a token expects to be treated as its user, not silently as a
 * stranger.
 */
final class Authenticator {
    private static final String TOKEN = "Token";
    private static final String BEARER = "Bearer";
    private static final String CALLER = "conduit.caller";

    private final TokenService tokens;

    @Inject
    Authenticator(TokenService tokens) {
        this.tokens = tokens;
    }

    /** The caller a valid token names; the token is kept because GET /api/user returns it. */
    record Caller(UserId id, String token) {
        @Override
        public String toString() {
            return "Caller[id=" + id.value() + "]";
        }
    }

    /** @throws TokenRejectedException when there is no token, or it is not valid */
    Caller required(Context ctx) {
        return optional(ctx).orElseThrow(() -> new TokenRejectedException(TokenRejectedException.Reason.MISSING));
    }

    /**
     * Empty when no token was sent; @throws TokenRejectedException when one was sent and it is not valid. A valid
     * token is verified once per request: the route and {@link ReadYourWrites} both ask.
     */
    Optional<Caller> optional(Context ctx) {
        Optional<Caller> known = ctx.attribute(CALLER);
        if (known != null) {
            return known;
        }
        Optional<Caller> caller = tokenIn(ctx.header(AuthorizationHeader.NAME))
                .map(token -> new Caller(tokens.verify(token), token));
        ctx.attribute(CALLER, caller);
        return caller;
    }

    /** Who is looking, where authentication is optional: as {@link #optional(Context)}, the caller's id alone. */
    Optional<UserId> viewer(Context ctx) {
        return optional(ctx).map(Caller::id);
    }

    /** The token of an Authorization header value; empty when there is none. */
    static Optional<String> tokenIn(String header) {
        return AuthorizationHeader.parse(header).map(parsed -> parsed.credentialsUnder(TOKEN, BEARER)
                .orElseThrow(() -> new TokenRejectedException(TokenRejectedException.Reason.MALFORMED)));
    }
}
