package io.conduithex.adapter.web;

import io.conduithex.domain.idempotency.KeyScope;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conduithex.application.article.CreateArticle;
import io.conduithex.application.article.DeleteArticle;
import io.conduithex.application.article.FavoriteArticle;
import io.conduithex.application.article.GetArticle;
import io.conduithex.application.article.ListArticles;
import io.conduithex.application.article.UpdateArticle;
import io.conduithex.adapter.web.cache.ReadKey;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;

/**
 * Articles and favorites: parse, call one use case, shape the answer.
 *
 * <ul>
 *   <li>Lists take {@code limit}, {@code offset} and the filters {@code tag}, {@code author} and
 *       {@code favorited} as {@link ArticleQueries} describes: a bad limit or offset is a 422; a filter value
 *       that no tag or user could have gives an empty list, not an error.</li>
 *   <li>The feed is registered before {@code /api/articles/{slug}} so that it is never taken for a slug (and
 *       no article is ever given the slug {@code feed}).</li>
 *   <li>Deleting answers {@code 204 No Content} with no body: the Conduit spec names no body, and the
 *       official Postman suite checks none.</li>
 *   <li>Favoriting and unfavoriting are idempotent and answer the article as the caller now sees it.</li>
 *   <li>Anonymous lists and single articles may be answered from memory ({@link CachedReads}); the feed, always
 *       signed in, never is.</li>
 * </ul>
 */
record ArticleRoutes(CreateArticle createArticle, UpdateArticle updateArticle, DeleteArticle deleteArticle,
                     GetArticle getArticle, ListArticles listArticles, FavoriteArticle favoriteArticle,
                     Authenticator authenticator, RequestBodies bodies, CachedReads reads, KeyedWrites keyed)
        implements RouteGroup {
    static final String ARTICLES = "/api/articles";
    static final String FEED = "/api/articles/feed";
    static final String ARTICLE = "/api/articles/{slug}";
    static final String FAVORITE = "/api/articles/{slug}/favorite";

    @Inject
    ArticleRoutes {
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(ARTICLES, this::list);
        routes.post(ARTICLES, this::create);
        routes.get(FEED, this::feed);
        routes.get(ARTICLE, this::article);
        routes.put(ARTICLE, this::update);
        routes.delete(ARTICLE, this::delete);
        routes.post(FAVORITE, this::favorite);
        routes.delete(FAVORITE, this::unfavorite);
    }

    private void list(Context ctx) {
        var viewer = authenticator.viewer(ctx);
        var page = ArticleQueries.page(ctx);
        String tag = ctx.queryParam(ArticleQueries.TAG);
        String author = ctx.queryParam(ArticleQueries.AUTHOR);
        String favorited = ctx.queryParam(ArticleQueries.FAVORITED);
        reads.respond(ctx, new ReadKey.ListPage(page.limit(), page.offset(), tag, author, favorited), () -> {
            var filter = ArticleQueries.filter(tag, author, favorited);
            return Responses.articles(
                    filter.isPresent() ? listArticles.list(filter.get(), page, viewer) : ArticleQueries.NOTHING);
        });
    }

    private void feed(Context ctx) {
        var caller = authenticator.required(ctx);
        var page = ArticleQueries.page(ctx);
        Json.respond(ctx, 200, Responses.articles(listArticles.feed(caller.id(), page)));
    }

    private void article(Context ctx) {
        var viewer = authenticator.viewer(ctx);
        String slug = ctx.pathParam("slug");
        reads.respond(ctx, new ReadKey.ArticleView(slug), () -> Responses.article(getArticle.get(viewer, slug)));
    }

    private void create(Context ctx) {
        var caller = authenticator.required(ctx);
        var command = ArticleRequests.creation(articleIn(ctx));
        keyed.respond(ctx, "create-article", KeyScope.of(caller.id()), 201,
                () -> Responses.article(createArticle.create(caller.id(), command)));
    }

    private void update(Context ctx) {
        var caller = authenticator.required(ctx);
        var command = ArticleRequests.update(articleIn(ctx));
        keyed.respond(ctx, "update-article", KeyScope.of(caller.id()), 200,
                () -> Responses.article(updateArticle.update(caller.id(), ctx.pathParam("slug"), command)));
    }

    private void delete(Context ctx) {
        var caller = authenticator.required(ctx);
        keyed.noContent(ctx, "delete-article", KeyScope.of(caller.id()),
                () -> deleteArticle.delete(caller.id(), ctx.pathParam("slug")));
    }

    private void favorite(Context ctx) {
        var caller = authenticator.required(ctx);
        keyed.respond(ctx, "favorite-article", KeyScope.of(caller.id()), 200,
                () -> Responses.article(favoriteArticle.favorite(caller.id(), ctx.pathParam("slug"))));
    }

    private void unfavorite(Context ctx) {
        var caller = authenticator.required(ctx);
        keyed.respond(ctx, "unfavorite-article", KeyScope.of(caller.id()), 200,
                () -> Responses.article(favoriteArticle.unfavorite(caller.id(), ctx.pathParam("slug"))));
    }

    private ObjectNode articleIn(Context ctx) {
        return bodies.wrapped(ctx, ArticleRequests.ARTICLE);
    }
}
