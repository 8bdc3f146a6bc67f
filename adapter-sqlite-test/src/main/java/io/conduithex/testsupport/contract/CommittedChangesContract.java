package io.conduithex.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.domain.article.Article;
import io.conduithex.domain.article.ArticleBody;
import io.conduithex.domain.article.Slug;
import io.conduithex.domain.comment.Comment;
import io.conduithex.domain.comment.CommentBody;
import io.conduithex.domain.comment.NewComment;
import io.conduithex.domain.port.persistence.ChangeListener;
import io.conduithex.domain.port.persistence.CommittedChanges;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.user.Bio;
import io.conduithex.domain.user.User;
import io.conduithex.testsupport.kit.RecordedChanges;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every persistence adapter reports to a {@link ChangeListener}: after each unit of work that commits, before it
 * returns, what readers could see changed, named by slug even where the write held only an id; nothing for work
 * that rolled back, only read, or changed nothing an anonymous reader sees.
 */
public abstract class CommittedChangesContract extends PersistenceContract {
    protected RecordedChanges reported;
    private User jake;
    private User jane;

    @BeforeEach
    final void listenAndArrange() {
        jake = registered("jake");
        jane = registered("jane");
        reported = new RecordedChanges();
        database.persistence().reportChangesTo(reported);
    }

    private static CommittedChanges article(String slug) {
        return CommittedChanges.builder().article(new Slug(slug)).build();
    }

    @Test
    void publishingEditingAndDeletingAnArticleReportItsViewItsCommentsAndTheLists() {
        Article article = givenAnArticleBy(jake, "Dragons");
        assertThat(reported.take()).containsExactly(article("dragons"));

        commit(tx -> tx.articles().update(new Article(article.id(), article.slug(), article.title(),
                article.description(), new ArticleBody("Edited"), article.tags(), article.authorId(),
                article.createdAt(), nextInstant(), 0)));
        assertThat(reported.take()).containsExactly(article("dragons"));

        commit(tx -> tx.articles().delete(article.id()));
        assertThat(reported.take()).containsExactly(CommittedChanges.builder().article(new Slug("dragons"))
                .commentsOn(new Slug("dragons")).build());
    }

    @Test
    void aFavoriteKnownOnlyByTheArticlesIdIsReportedByItsSlug() {
        Article article = givenAnArticleBy(jake, "Dragons");
        reported.take();

        // A transaction that never read the article: the slug is asked for.
        commit(tx -> tx.favorites().favorite(jane.id(), article.id()));
        assertThat(reported.take()).containsExactly(article("dragons"));

        commit(tx -> tx.favorites().favorite(jane.id(), article.id()));
        assertThat(reported.take()).as("favoriting again changes nothing").isEmpty();

        commit(tx -> tx.favorites().unfavorite(jane.id(), tx.articles().findIdBySlug(article.slug()).orElseThrow()));
        assertThat(reported.take()).containsExactly(article("dragons"));
    }

    @Test
    void addingAndDeletingACommentReportTheCommentsOnItsArticleOnly() {
        Article article = givenAnArticleBy(jake, "Dragons");
        reported.take();
        var onDragons = CommittedChanges.builder().commentsOn(new Slug("dragons")).build();

        Comment comment = write(tx -> tx.comments().insert(new NewComment(article.id(), jane.id(),
                new CommentBody("First!"), Instant.parse("2024-02-01T00:00:00Z"))));
        assertThat(reported.take()).containsExactly(onDragons);

        commit(tx -> tx.comments().delete(comment.id()));
        assertThat(reported.take()).containsExactly(onDragons);
        assertThat(onDragons.lists()).isFalse();
    }

    @Test
    void aUsersUpdateReportsEverythingWhileRegistrationAndFollowsReportNothing() {
        commit(tx -> tx.users().update(new User(jake.id(), jake.email(), jake.username(), jake.passwordHash(),
                new Bio("I breed dragons"), null)));
        assertThat(reported.take()).containsExactly(CommittedChanges.EVERYTHING);

        registered("celeb");
        givenFollowing(jane, jake);
        commit(tx -> tx.follows().unfollow(jane.id(), jake.id()));
        assertThat(reported.take()).isEmpty();
    }

    @Test
    void workThatRollsBackOrOnlyReadsReportsNothing() {
        assertThatThrownBy(() -> commit(tx -> {
            tx.articles().insert(newArticle(jake, "Doomed", nextInstant()));
            throw new IllegalStateException("changed my mind");
        })).hasMessage("changed my mind");
        read(tx -> tx.articles().findBySlug(new Slug("doomed")));

        assertThat(reported.take()).isEmpty();
    }

    @Test
    void nestedWorkIsReportedOnceWithTheTransactionItJoined() {
        commit(tx -> {
            tx.articles().insert(newArticle(jake, "Outer", nextInstant()));
            unitOfWork().useTransaction(TransactionSpec.readWrite("inner"),
                    inner -> inner.articles().insert(newArticle(jake, "Inner", nextInstant())));
        });

        List<CommittedChanges> changes = reported.take();
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).articles()).isEqualTo(Set.of(new Slug("outer"), new Slug("inner")));
    }
}
