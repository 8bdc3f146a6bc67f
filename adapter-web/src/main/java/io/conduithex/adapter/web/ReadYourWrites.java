package io.conduithex.adapter.web;

import io.conduithex.domain.port.persistence.ReadConsistency;
import io.conduithex.domain.user.UserId;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lets a client read its own writes when reads run on replicas, whichever instance it reaches. A request that wrote
 * answers a signed {@value #HEADER} header (and a short-lived cookie of the same name, for browsers on the same
 * origin); a request that presents one, as a header or a cookie, reads only where that write is visible. The
 * instance also remembers each signed-in user's newest write for the lag bound, so a client that echoes nothing
 * still reads its writes when it comes back to the same instance. Without replicas it does nothing.
 */
final class ReadYourWrites {
    static final String HEADER = "Consistency-Token";
    private static final String SCOPE = "conduit.consistency-scope";

    private final ReadConsistency consistency;
    private final Authenticator authenticator;
    private final boolean replicated;
    private final ConsistencyTokens tokens;
    private final RecentWrites recent;
    private final long cookieSeconds;

    @Inject
    ReadYourWrites(ReadConsistency consistency, Authenticator authenticator, ConsistencySettings settings) {
        this.consistency = consistency;
        this.authenticator = authenticator;
        this.replicated = settings.replicated();
        this.tokens = new ConsistencyTokens(settings.secret());
        this.recent = new RecentWrites(settings.lagBound(), System::nanoTime);
        this.cookieSeconds = Math.max(1, (settings.lagBound().toMillis() + 999) / 1000);
    }

    /** Before the route: the writes this request must see. */
    void begin(Context ctx) {
        if (!replicated) {
            return;
        }
        List<String> mustSee = new ArrayList<>(3);
        tokens.verify(ctx.header(HEADER)).ifPresent(mustSee::add);
        tokens.verify(ctx.cookie(HEADER)).ifPresent(mustSee::add);
        caller(ctx).flatMap(recent::latest).ifPresent(mustSee::add);
        ctx.attribute(SCOPE, consistency.open(mustSee));
    }

    /** After the route: a token for what it wrote, if anything. */
    void end(Context ctx) {
        ReadConsistency.Scope scope = ctx.attribute(SCOPE);
        if (scope == null) {
            return;
        }
        try {
            scope.written().ifPresent(position -> {
                String token = tokens.sign(position);
                ctx.header(HEADER, token);
                ctx.res().addHeader("Set-Cookie", HEADER + "=" + token + "; Max-Age=" + cookieSeconds
                        + "; Path=/; HttpOnly; SameSite=Lax");
                caller(ctx).ifPresent(user -> recent.remember(user, position));
            });
        } finally {
            scope.close();
        }
    }

    /** The signed-in caller, if the request carries a valid token; the route itself refuses a bad one. */
    private Optional<UserId> caller(Context ctx) {
        try {
            return authenticator.viewer(ctx);
        } catch (TokenRejectedException e) {
            return Optional.empty();
        }
    }
}
