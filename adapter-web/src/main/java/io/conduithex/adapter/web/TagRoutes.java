package io.conduithex.adapter.web;

import io.conduithex.application.article.ListTags;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The tags in use, alphabetically. The answer is the same for everyone, so an Authorization header is not
 * looked at (unlike routes where authentication is optional, which refuse a bad token).
 */
final class TagRoutes {
    static final String TAGS = "/api/tags";

    private final ListTags listTags;

    TagRoutes(ListTags listTags) {
        this.listTags = listTags;
    }

    void addTo(RoutesConfig routes) {
        routes.get(TAGS, this::tags);
    }

    private void tags(Context ctx) {
        Json.respond(ctx, 200, Responses.tags(listTags.list()));
    }
}
