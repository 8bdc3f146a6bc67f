package io.conduithex.adapter.web;

import io.conduithex.domain.idempotency.KeyScope;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conduithex.application.user.GetCurrentUser;
import io.conduithex.application.user.LoginUser;
import io.conduithex.application.user.RegisterUser;
import io.conduithex.application.user.UpdateUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;

/** Registration, login and the current user: parse, call one use case, shape the answer. */
record UserRoutes(RegisterUser registerUser, LoginUser loginUser, GetCurrentUser getCurrentUser, UpdateUser updateUser,
                  TokenService tokens, Authenticator authenticator, RequestBodies bodies, KeyedWrites keyed)
        implements RouteGroup {
    static final String REGISTER = "/api/users";
    static final String LOGIN = "/api/users/login";
    static final String CURRENT_USER = "/api/user";

    @Inject
    UserRoutes {
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(REGISTER, PausedRefusals.paused(this::register));
        routes.post(LOGIN, PausedRefusals.paused(this::login));
        routes.get(CURRENT_USER, this::current);
        routes.put(CURRENT_USER, PausedRefusals.paused(this::update));
    }

    private void register(Context ctx) {
        // Hashed before a keyed write opens its unit of work, so that no connection waits for the hash.
        var newUser = registerUser.prepare(UserRequests.registration(userIn(ctx)));
        keyed.respond(ctx, "register-user", KeyScope.REGISTRATION, 201, () -> {
            var user = registerUser.register(newUser);
            return Responses.user(user, tokens.issue(user.id()));
        });
    }

    private void login(Context ctx) {
        var command = UserRequests.login(userIn(ctx));
        // The peer's address, an IPv6 one by its /64; behind a proxy, the proxy's (README, "Logins").
        var user = loginUser.login(command, ClientPlaces.of(ctx.req().getRemoteAddr()));
        Json.respond(ctx, 200, Responses.user(user, tokens.issue(user.id())));
    }

    private void current(Context ctx) {
        var caller = authenticator.required(ctx);
        var user = getCurrentUser.get(caller.id());
        Json.respond(ctx, 200, Responses.user(user, caller.token()));
    }

    private void update(Context ctx) {
        var caller = authenticator.required(ctx);
        var command = UserRequests.update(userIn(ctx));
        keyed.respond(ctx, "update-user", KeyScope.of(caller.id()), 200,
                () -> Responses.user(updateUser.update(caller.id(), command), caller.token()));
    }

    private ObjectNode userIn(Context ctx) {
        return bodies.wrapped(ctx, UserRequests.WRAPPER);
    }
}
