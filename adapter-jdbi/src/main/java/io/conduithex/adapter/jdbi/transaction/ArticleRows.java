package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.sql.Timestamps;
import io.conduithex.domain.article.Article;
import io.conduithex.domain.article.ArticleBody;
import io.conduithex.domain.article.ArticleId;
import io.conduithex.domain.article.ArticleView;
import io.conduithex.domain.article.Description;
import io.conduithex.domain.article.Slug;
import io.conduithex.domain.article.TagList;
import io.conduithex.domain.article.Title;
import io.conduithex.domain.comment.CommentView;
import io.conduithex.domain.user.Bio;
import io.conduithex.domain.user.ImageUrl;
import io.conduithex.domain.user.Profile;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.user.Username;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Turns the rows {@link ArticleSql}'s statements return into domain views. Stateless but for the dialect's clock. */
final class ArticleRows {
    /** Joins an article's tag names into one column; tag names cannot hold control characters. */
    static final String TAG_SEPARATOR = "\u001f";

    private final Timestamps timestamps;

    ArticleRows(Timestamps timestamps) {
        this.timestamps = timestamps;
    }

    ArticleView view(ResultSet rs, ArticleColumns c) throws SQLException {
        var article = new Article(
                new ArticleId(rs.getLong(c.id())),
                new Slug(rs.getString(c.slug())),
                new Title(rs.getString(c.title())),
                new Description(rs.getString(c.description())),
                c.body() == 0 ? null : new ArticleBody(rs.getString(c.body())),
                tags(rs.getString(c.tagNames())),
                new UserId(rs.getLong(c.authorId())),
                timestamps.read(rs, c.createdAt()),
                timestamps.read(rs, c.updatedAt()),
                rs.getLong(c.favoritesCount()));
        var author = new Profile(new Username(rs.getString(c.authorUsername())), bio(rs.getString(c.authorBio())),
                image(rs.getString(c.authorImage())), rs.getBoolean(c.following()));
        return new ArticleView(article, author, rs.getBoolean(c.favorited()));
    }

    /**
     * Where an article row's columns are, found by name once per result set: the driver's look-up by name, per
     * column of each of a page's twenty rows, was 5% of a list request's CPU time.
     */
    record ArticleColumns(int id, int slug, int title, int description, int body, int tagNames, int authorId,
                                  int createdAt, int updatedAt, int favoritesCount, int authorUsername,
                                  int authorBio, int authorImage, int following, int favorited) {

        /** {@code body} is 0 when the rows carry no body (lists). */
        static ArticleColumns of(ResultSet rs, boolean withBody) throws SQLException {
            return new ArticleColumns(rs.findColumn("id"), rs.findColumn("slug"), rs.findColumn("title"),
                    rs.findColumn("description"), withBody ? rs.findColumn("body") : 0, rs.findColumn("tag_names"),
                    rs.findColumn("author_id"), rs.findColumn("created_at"), rs.findColumn("updated_at"),
                    rs.findColumn("favorites_count"), rs.findColumn("author_username"), rs.findColumn("author_bio"),
                    rs.findColumn("author_image"), rs.findColumn("following"), rs.findColumn("favorited"));
        }
    }

    private static TagList tags(String joined) {
        return joined == null ? TagList.EMPTY : TagList.of(List.of(joined.split(TAG_SEPARATOR)));
    }

    private static Bio bio(String raw) {
        return raw == null ? null : new Bio(raw);
    }

    private static ImageUrl image(String raw) {
        return raw == null ? null : new ImageUrl(raw);
    }

    /** The comment on the current row, with its author as {@code viewer} sees them. */
    CommentView comment(ResultSet rs) throws SQLException {
        var comment = JdbiCommentRepository.fromRow(rs, timestamps);
        return new CommentView(comment, new Profile(new Username(rs.getString("author_username")),
                bio(rs.getString("author_bio")), image(rs.getString("author_image")), rs.getBoolean("following")));
    }
}
