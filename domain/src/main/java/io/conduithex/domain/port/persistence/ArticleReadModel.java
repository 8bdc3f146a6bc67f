package io.conduithex.domain.port.persistence;

import io.conduithex.domain.article.ArticleFilter;
import io.conduithex.domain.article.ArticlePage;
import io.conduithex.domain.article.ArticleView;
import io.conduithex.domain.article.PageRequest;
import io.conduithex.domain.article.Slug;
import io.conduithex.domain.comment.CommentView;
import io.conduithex.domain.failure.AuthenticationException;
import io.conduithex.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/**
 * What readers see of articles and comments, assembled with authors, tags, favorite and following state.
 * Every method costs a constant number of statements whatever the number of rows (no query per row), and a
 * page and its count always come from one snapshot.
 */
public interface ArticleReadModel {

    /**
     * Articles matching {@code filter}, newest first.
     *
     * @throws AuthenticationException when {@code viewer} is given and names no user (checked in the same
     *         statement as the page, so that a signed-in list costs no extra round trip)
     */
    ArticlePage list(ArticleFilter filter, PageRequest page, Optional<UserId> viewer);

    /**
     * Articles by authors {@code viewer} follows, newest first.
     *
     * @throws AuthenticationException when {@code viewer} names no user
     */
    ArticlePage feed(UserId viewer, PageRequest page);

    /** {@code viewer}'s view of one article. */
    Optional<ArticleView> view(Slug slug, Optional<UserId> viewer);

    /** The comments on an article, oldest first, as {@code viewer} sees their authors. */
    List<CommentView> comments(Slug slug, Optional<UserId> viewer);

    /** Every tag in use, alphabetically. */
    List<String> tags();
}
