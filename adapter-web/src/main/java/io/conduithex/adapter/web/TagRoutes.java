package io.conduithex.adapter.web;

import io.conduithex.application.article.ListTags;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The tags in use, alphabetically. The answer is the same for everyone, so an Authorization header is not
 * looked at (unlike routes where authentication is optional, which refuse a bad token).
 *
 * <p>While {@link ListTags} hands back the same remembered list, its JSON is written once, not per request.
 */
final class TagRoutes implements RouteGroup {
    static final String TAGS = "/api/tags";

    private final ListTags listTags;
    private volatile Written last = new Written(null, new byte[0]);

    @Inject
    TagRoutes(ListTags listTags) {
        this.listTags = listTags;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(TAGS, this::tags);
    }

    private void tags(Context ctx) {
        List<String> tags = listTags.list();
        Written written = last;
        if (written.tags != tags) {
            written = new Written(tags, Json.write(Responses.tags(tags)));
            last = written;
        }
        Json.respondWritten(ctx, 200, written.json);
    }

    /** A list and its JSON; compared by identity, as the snapshot it came from is immutable. */
    private record Written(List<String> tags, byte[] json) {
    }
}
