package io.conduithex.testsupport.contract;

import io.conduithex.domain.article.Article;
import io.conduithex.domain.article.ArticleFilter;
import io.conduithex.domain.article.ArticlePage;
import io.conduithex.domain.article.ArticleView;
import io.conduithex.domain.article.PageRequest;
import io.conduithex.domain.article.Slug;
import io.conduithex.domain.article.Tag;
import io.conduithex.domain.comment.CommentBody;
import io.conduithex.domain.comment.CommentView;
import io.conduithex.domain.comment.NewComment;
import io.conduithex.domain.port.persistence.ArticleReadModel;
import io.conduithex.domain.user.User;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.user.Username;
import java.util.List;
import java.util.Optional;

/**
 * What every {@link ArticleReadModel} adapter must do, split by topic: {@link ArticleListContract lists}
 * (filters, windows, counts), {@link ArticleFeedContract the feed}, {@link ArticleViewContract one article,
 * its comments and the tags}, and {@link ArticleStatementCostContract a constant number of statements} whatever
 * the size of the page. This base holds what they share: reading through the port and naming filters.
 */
public abstract class ArticleReadModelContract extends PersistenceContract {

    static final Optional<UserId> ANONYMOUS = Optional.empty();

    /** {@code count} articles by {@code author}, titled "Article 1" (oldest) to "Article {count}" (newest). */
    void givenArticlesBy(User author, int count, String... tags) {
        for (int i = 1; i <= count; i++) {
            givenAnArticleBy(author, "Article " + i, tags);
        }
    }

    void givenACommentBy(User author, Article article, String body) {
        write(tx -> tx.comments().insert(
                new NewComment(article.id(), author.id(), new CommentBody(body), nextInstant())));
    }

    ArticlePage list(ArticleFilter filter, PageRequest page, Optional<UserId> viewer) {
        return read(tx -> tx.articleReads().list(filter, page, viewer));
    }

    ArticlePage feed(User reader, PageRequest page) {
        return read(tx -> tx.articleReads().feed(reader.id(), page));
    }

    ArticleView view(Slug slug, Optional<UserId> viewer) {
        return maybeView(slug, viewer).orElseThrow();
    }

    Optional<ArticleView> maybeView(Slug slug, Optional<UserId> viewer) {
        return read(tx -> tx.articleReads().view(slug, viewer));
    }

    List<CommentView> comments(Slug slug, Optional<UserId> viewer) {
        return read(tx -> tx.articleReads().comments(slug, viewer));
    }

    List<String> tagsInUse() {
        return read(tx -> tx.articleReads().tags());
    }

    static List<String> titles(ArticlePage page) {
        return page.articles().stream().map(view -> view.article().title().value()).toList();
    }

    static ArticleFilter byTag(String tag) {
        return new ArticleFilter(Optional.of(new Tag(tag)), Optional.empty(), Optional.empty());
    }

    static ArticleFilter byAuthor(String username) {
        return new ArticleFilter(Optional.empty(), Optional.of(new Username(username)), Optional.empty());
    }

    static ArticleFilter byFan(String username) {
        return new ArticleFilter(Optional.empty(), Optional.empty(), Optional.of(new Username(username)));
    }
}
