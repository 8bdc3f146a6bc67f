package io.conduithex.adapter.web;

import io.javalin.config.RoutesConfig;

/** The routes of one topic (users, articles, health...): each adds its own, once, as the server starts. */
interface RouteGroup {
    void addTo(RoutesConfig routes);
}
