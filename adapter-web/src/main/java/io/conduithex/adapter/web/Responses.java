package io.conduithex.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.conduithex.domain.article.ArticlePage;
import io.conduithex.domain.article.ArticleView;
import io.conduithex.domain.comment.CommentView;
import io.conduithex.domain.user.Bio;
import io.conduithex.domain.user.ImageUrl;
import io.conduithex.domain.user.Profile;
import io.conduithex.domain.user.User;
import java.time.Instant;
import java.util.List;

/** Response bodies, shaped as the API specifies; absent values are written as {@code null}, never left out. */
final class Responses {
    private Responses() {
    }

    static UserEnvelope user(User user, String token) {
        return new UserEnvelope(new UserBody(user.email().value(), token, user.username().value(),
                text(user.bio()), text(user.image())));
    }

    static ProfileEnvelope profile(Profile profile) {
        return new ProfileEnvelope(profileBody(profile));
    }

    static ProfileBody profileBody(Profile profile) {
        return new ProfileBody(profile.username().value(), text(profile.bio()), text(profile.image()),
                profile.following());
    }

    static ArticleEnvelope article(ArticleView view) {
        var article = view.article();
        return new ArticleEnvelope(new ArticleJson(article.slug().value(), article.title().value(),
                article.description().value(), article.bodyIfLoaded().orElseThrow().value(), article.tags().names(),
                article.createdAt(), article.updatedAt(), view.favorited(), article.favoritesCount(),
                profileBody(view.author())));
    }

    /** A page of articles; lists never show bodies. */
    static ArticlesEnvelope articles(ArticlePage page) {
        return new ArticlesEnvelope(page.articles().stream().map(Responses::summary).toList(), page.totalCount());
    }

    static CommentEnvelope comment(CommentView view) {
        return new CommentEnvelope(commentJson(view));
    }

    static CommentsEnvelope comments(List<CommentView> views) {
        return new CommentsEnvelope(views.stream().map(Responses::commentJson).toList());
    }

    static TagsEnvelope tags(List<String> tags) {
        return new TagsEnvelope(tags);
    }

    private static ListedArticleJson summary(ArticleView view) {
        var article = view.article();
        return new ListedArticleJson(article.slug().value(), article.title().value(), article.description().value(),
                article.tags().names(), article.createdAt(), article.updatedAt(), view.favorited(),
                article.favoritesCount(), profileBody(view.author()));
    }

    private static CommentJson commentJson(CommentView view) {
        var comment = view.comment();
        return new CommentJson(comment.id().value(), comment.createdAt(), comment.updatedAt(), comment.body().value(),
                profileBody(view.author()));
    }

    private static String text(Bio bio) {
        return bio == null ? null : bio.value();
    }

    private static String text(ImageUrl image) {
        return image == null ? null : image.value();
    }

    record UserEnvelope(UserBody user) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record UserBody(String email, String token, String username, String bio, String image) {
    }

    record ProfileEnvelope(ProfileBody profile) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ProfileBody(String username, String bio, String image, boolean following) {
    }

    record ArticleEnvelope(ArticleJson article) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ArticleJson(String slug, String title, String description, String body, List<String> tagList,
                       Instant createdAt, Instant updatedAt, boolean favorited, long favoritesCount,
                       ProfileBody author) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ArticlesEnvelope(List<ListedArticleJson> articles, long articlesCount) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ListedArticleJson(String slug, String title, String description, List<String> tagList, Instant createdAt,
                          Instant updatedAt, boolean favorited, long favoritesCount, ProfileBody author) {
    }

    record CommentEnvelope(CommentJson comment) {
    }

    record CommentsEnvelope(List<CommentJson> comments) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CommentJson(long id, Instant createdAt, Instant updatedAt, String body, ProfileBody author) {
    }

    record TagsEnvelope(List<String> tags) {
    }
}
