package io.conduithex.adapter.web;

import io.javalin.config.RoutesConfig;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Every route the server answers: the Conduit API, then the operator endpoints, then the API's own documentation, in
 * the order they are added. The OpenAPI document lists exactly these (RouteDocumentationTest).
 */
final class ServerRoutes {
    private final List<RouteGroup> groups;

    @Inject
    ServerRoutes(UserRoutes users, ProfileRoutes profiles, ArticleRoutes articles, CommentRoutes comments,
                 TagRoutes tags, HealthRoutes health, AdminRoutes admin, MetricsRoutes metrics,
                 DocumentationRoutes documentation) {
        this.groups = List.of(users, profiles, articles, comments, tags, health, admin, metrics, documentation);
    }

    void addTo(RoutesConfig routes) {
        groups.forEach(group -> group.addTo(routes));
    }
}
