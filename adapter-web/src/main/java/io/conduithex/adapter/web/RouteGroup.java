package io.conduithex.adapter.web;

import io.javalin.config.RoutesConfig;

/**
 * The routes of one topic (users, articles, health...): each adds its own, once, as the server starts. A group
 * that holds nothing but its use cases is a record, injected through its canonical constructor.
 */
interface RouteGroup {
    void addTo(RoutesConfig routes);
}
