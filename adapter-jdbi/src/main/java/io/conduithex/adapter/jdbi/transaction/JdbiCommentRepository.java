package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.sql.Timestamps;
import io.conduithex.domain.article.ArticleId;
import io.conduithex.domain.comment.Comment;
import io.conduithex.domain.comment.CommentBody;
import io.conduithex.domain.comment.CommentId;
import io.conduithex.domain.comment.NewComment;
import io.conduithex.domain.port.persistence.CommentRepository;
import io.conduithex.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/** Comments in {@code comments}; every write is noted in the transaction's {@link ChangeLog}. */
record JdbiCommentRepository(GuardedHandle handle, Timestamps timestamps, ChangeLog changes)
        implements CommentRepository {
    @Override
    public Comment insert(NewComment comment) {
        long id = handle.insertReturningId("""
                        INSERT INTO comments (article_id, author_id, body, created_at, updated_at)
                        VALUES (:article, :author, :body, :createdAt, :createdAt)
                        RETURNING id""",
                Map.of("article", comment.articleId().value(), "author", comment.authorId().value(),
                        "body", comment.body().value(), "createdAt", timestamps.bind(comment.createdAt())));
        changes.commentsOn(handle, comment.articleId());
        return new Comment(new CommentId(id), comment.articleId(), comment.authorId(), comment.body(),
                comment.createdAt(), comment.createdAt());
    }

    @Override
    public Optional<Comment> find(ArticleId article, CommentId id) {
        return handle.with(h -> h.createQuery("""
                        SELECT id, article_id, author_id, body, created_at, updated_at
                          FROM comments WHERE id = :id AND article_id = :article""")
                .bind("id", id.value())
                .bind("article", article.value())
                .map((rs, ctx) -> fromRow(rs, timestamps))
                .findOne());
    }

    /**
     * The comment on the current row, from the columns of {@code comments}: id, article_id, author_id, body,
     * created_at and updated_at.
     */
    static Comment fromRow(ResultSet rs, Timestamps timestamps) throws SQLException {
        return new Comment(new CommentId(rs.getLong("id")), new ArticleId(rs.getLong("article_id")),
                new UserId(rs.getLong("author_id")), new CommentBody(rs.getString("body")),
                timestamps.read(rs, "created_at"), timestamps.read(rs, "updated_at"));
    }

    @Override
    public boolean delete(CommentId id) {
        changes.commentGone(handle, id);
        return handle.with(h -> h.createUpdate("DELETE FROM comments WHERE id = :id")
                .bind("id", id.value())
                .execute()) == 1;
    }
}
