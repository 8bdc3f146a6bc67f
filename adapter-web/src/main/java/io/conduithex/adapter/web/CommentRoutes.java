package io.conduithex.adapter.web;

import io.conduithex.domain.idempotency.KeyScope;
import io.conduithex.application.comment.AddComment;
import io.conduithex.application.comment.DeleteComment;
import io.conduithex.application.comment.ListComments;
import io.conduithex.adapter.web.cache.ReadKey;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;

/**
 * Comments on an article: parse, call one use case, shape the answer. A comment id that is not a positive
 * number names no comment (404, like any unknown id). Deleting answers {@code 204 No Content} with no body.
 * Anonymous lists of comments may be answered from memory ({@link CachedReads}).
 */
record CommentRoutes(AddComment addComment, ListComments listComments, DeleteComment deleteComment,
                     Authenticator authenticator, RequestBodies bodies, CachedReads reads, KeyedWrites keyed)
        implements RouteGroup {
    static final String COMMENTS = "/api/articles/{slug}/comments";
    static final String COMMENT = "/api/articles/{slug}/comments/{id}";

    @Inject
    CommentRoutes {
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(COMMENTS, this::list);
        routes.post(COMMENTS, this::add);
        routes.delete(COMMENT, this::delete);
    }

    private void list(Context ctx) {
        var viewer = authenticator.viewer(ctx);
        String slug = ctx.pathParam("slug");
        reads.respond(ctx, new ReadKey.CommentsOn(slug), () -> Responses.comments(listComments.list(viewer, slug)));
    }

    private void add(Context ctx) {
        var caller = authenticator.required(ctx);
        var command = ArticleRequests.comment(bodies.wrapped(ctx, ArticleRequests.COMMENT));
        keyed.respond(ctx, "add-comment", KeyScope.of(caller.id()), 201,
                () -> Responses.comment(addComment.add(caller.id(), ctx.pathParam("slug"), command)));
    }

    private void delete(Context ctx) {
        var caller = authenticator.required(ctx);
        keyed.noContent(ctx, "delete-comment", KeyScope.of(caller.id()),
                () -> deleteComment.delete(caller.id(), ctx.pathParam("slug"), ctx.pathParam("id")));
    }
}
