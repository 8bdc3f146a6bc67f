package io.conduithex.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.domain.article.Article;
import io.conduithex.domain.article.ArticleId;
import io.conduithex.domain.comment.Comment;
import io.conduithex.domain.comment.CommentBody;
import io.conduithex.domain.comment.CommentId;
import io.conduithex.domain.comment.NewComment;
import io.conduithex.domain.port.persistence.CommentRepository;
import io.conduithex.domain.user.User;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link CommentRepository} adapter must do. */
public abstract class CommentRepositoryContract extends PersistenceContract {

    @Test
    void anInsertedCommentGetsAnIdAndCanBeFoundOnItsArticle() {
        User jake = registered("jake");
        User jane = registered("jane");
        Article article = givenAnArticleBy(jake, "How to train your dragon");
        Instant written = Instant.parse("2016-02-18T03:22:56.637Z");

        Comment comment = write(tx -> tx.comments().insert(
                new NewComment(article.id(), jane.id(), new CommentBody("It takes a Jacobian"), written)));

        assertThat(comment.id().value()).isPositive();
        assertThat(comment.articleId()).isEqualTo(article.id());
        assertThat(comment.authorId()).isEqualTo(jane.id());
        assertThat(comment.body().value()).isEqualTo("It takes a Jacobian");
        assertThat(comment.createdAt()).isEqualTo(written);
        assertThat(comment.updatedAt()).isEqualTo(written);
        assertThat(find(article.id(), comment.id())).contains(comment);
    }

    @Test
    void aCommentIsNotFoundUnderAnotherArticle() {
        User jake = registered("jake");
        Article commented = givenAnArticleBy(jake, "How to train your dragon");
        Article other = givenAnArticleBy(jake, "How to tame your dragon");
        Comment comment = givenACommentBy(jake, commented, "First!");

        assertThat(find(other.id(), comment.id())).isEmpty();
        assertThat(find(commented.id(), comment.id())).isPresent();
    }

    @Test
    void anUnknownCommentIsNotFound() {
        User jake = registered("jake");
        Article article = givenAnArticleBy(jake, "How to train your dragon");

        assertThat(find(article.id(), new CommentId(4242))).isEmpty();
    }

    @Test
    void deleteRemovesOnlyThatComment() {
        User jake = registered("jake");
        Article article = givenAnArticleBy(jake, "How to train your dragon");
        Comment doomed = givenACommentBy(jake, article, "First!");
        Comment kept = givenACommentBy(jake, article, "Second!");

        assertThat(writeFlag(tx -> tx.comments().delete(doomed.id()))).isTrue();

        assertThat(find(article.id(), doomed.id())).isEmpty();
        assertThat(find(article.id(), kept.id())).contains(kept);
        assertThat(rowCount("comments")).isEqualTo(1);
    }

    @Test
    void deletingAnUnknownCommentSaysSo() {
        User jake = registered("jake");
        Article article = givenAnArticleBy(jake, "How to train your dragon");
        Comment comment = givenACommentBy(jake, article, "First!");

        assertThat(writeFlag(tx -> tx.comments().delete(new CommentId(comment.id().value() + 100)))).isFalse();
        assertThat(rowCount("comments")).isEqualTo(1);
    }

    @Test
    void aCommentOnAnArticleThatDoesNotExistIsAForeignKeyViolation() {
        User jake = registered("jake");

        assertForeignKeyViolation(() -> write(tx -> tx.comments().insert(
                new NewComment(new ArticleId(4242), jake.id(), new CommentBody("Anyone here?"), nextInstant()))));
        assertThat(rowCount("comments")).isZero();
    }

    @Test
    void aCommentOnAnArticleDeletedMeanwhileIsAForeignKeyViolation() {
        User jake = registered("jake");
        Article article = givenAnArticleBy(jake, "How to train your dragon");
        write(tx -> tx.articles().delete(article.id()));

        assertForeignKeyViolation(() -> givenACommentBy(jake, article, "Too late"));
    }

    private Optional<Comment> find(ArticleId article, CommentId id) {
        return read(tx -> tx.comments().find(article, id));
    }

    private Comment givenACommentBy(User author, Article article, String body) {
        return write(tx -> tx.comments().insert(
                new NewComment(article.id(), author.id(), new CommentBody(body), nextInstant())));
    }
}
