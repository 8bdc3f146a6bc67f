package io.conduithex.adapter.web;

import io.conduithex.domain.idempotency.KeyScope;
import io.conduithex.application.user.FollowUser;
import io.conduithex.application.user.GetProfile;
import io.conduithex.adapter.web.cache.ReadKey;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;

/**
 * Profiles and following: parse, call one use case, shape the answer. An anonymous profile may be answered from
 * memory ({@link CachedReads}).
 */
record ProfileRoutes(GetProfile getProfile, FollowUser followUser, Authenticator authenticator, CachedReads reads,
                     KeyedWrites keyed) implements RouteGroup {
    static final String PROFILE = "/api/profiles/{username}";
    static final String FOLLOW = "/api/profiles/{username}/follow";

    @Inject
    ProfileRoutes {
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PROFILE, this::profile);
        routes.post(FOLLOW, this::follow);
        routes.delete(FOLLOW, this::unfollow);
    }

    private void profile(Context ctx) {
        var viewer = authenticator.viewer(ctx);
        String username = ctx.pathParam("username");
        reads.respond(ctx, new ReadKey.Profile(username), () -> Responses.profile(getProfile.get(viewer, username)));
    }

    private void follow(Context ctx) {
        var caller = authenticator.required(ctx);
        keyed.respond(ctx, "follow-user", KeyScope.of(caller.id()), 200,
                () -> Responses.profile(followUser.follow(caller.id(), ctx.pathParam("username"))));
    }

    private void unfollow(Context ctx) {
        var caller = authenticator.required(ctx);
        keyed.respond(ctx, "unfollow-user", KeyScope.of(caller.id()), 200,
                () -> Responses.profile(followUser.unfollow(caller.id(), ctx.pathParam("username"))));
    }
}
