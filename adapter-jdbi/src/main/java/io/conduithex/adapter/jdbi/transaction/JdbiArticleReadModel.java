package io.conduithex.adapter.jdbi.transaction;

import static io.conduithex.adapter.jdbi.transaction.ArticleRows.TAG_SEPARATOR;

import io.conduithex.adapter.jdbi.sql.Timestamps;
import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.domain.article.ArticleFilter;
import io.conduithex.domain.article.ArticlePage;
import io.conduithex.domain.article.ArticleView;
import io.conduithex.domain.article.PageRequest;
import io.conduithex.domain.article.Slug;
import io.conduithex.domain.comment.CommentView;
import io.conduithex.domain.failure.AuthenticationException;
import io.conduithex.domain.port.persistence.ArticleReadModel;
import io.conduithex.domain.user.UserId;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.Query;

/**
 * The read side of articles. Every method is one statement, whatever the page size: the count, read from the
 * {@code article_counts} rows the V4 migration's triggers keep exact in every writing transaction (never a
 * count of the matching rows), the page joined with its authors, each article's tags aggregated into one
 * column, and for a signed-in reader the favorited and following flags. One statement is one snapshot, so a
 * page and its count always agree at any isolation level, and a read costs one round trip to the database.
 * Favorite counts are a column the V6 migration's triggers keep exact, so they cost nothing here. The SQL is
 * {@link ArticleSql}'s, the mapping of rows {@link ArticleRows}'.
 */
public final class JdbiArticleReadModel implements ArticleReadModel {
    private final GuardedHandle handle;
    private final Dialect dialect;
    private final ArticleRows rows;
    private final String articleColumns;

    public JdbiArticleReadModel(GuardedHandle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
        this.rows = new ArticleRows(Timestamps.of(dialect));
        this.articleColumns = ArticleSql.articleColumns(dialect);
    }

    @Override
    public ArticlePage list(ArticleFilter filter, PageRequest page, Optional<UserId> viewer) {
        var binds = new HashMap<String, Object>();
        return page(ArticleSql.list(filter, binds), binds, page, viewer);
    }

    @Override
    public ArticlePage feed(UserId viewer, PageRequest page) {
        var binds = new HashMap<String, Object>();
        return page(ArticleSql.feed(dialect, viewer, page, binds), binds, page, Optional.of(viewer));
    }

    @Override
    public Optional<ArticleView> view(Slug slug, Optional<UserId> viewer) {
        return handle.with(h -> {
            var query = h.createQuery("SELECT " + articleColumns + ArticleSql.flags(viewer) + ", a.body"
                            + " FROM articles a JOIN users u ON u.id = a.author_id WHERE a.slug = :slug")
                    .bind("slug", slug.value());
            bindTagsAndViewer(query, articleColumns, viewer);
            return query.scanResultSet((results, ctx) -> {
                ResultSet rs = results.get();
                return rs.next()
                        ? Optional.of(rows.view(rs, ArticleRows.ArticleColumns.of(rs, true)))
                        : Optional.<ArticleView>empty();
            });
        });
    }

    @Override
    public List<CommentView> comments(Slug slug, Optional<UserId> viewer) {
        return handle.with(h -> {
            var query = h.createQuery("""
                            SELECT c.id, c.article_id, c.author_id, c.body, c.created_at, c.updated_at,
                                   u.username AS author_username, u.bio AS author_bio, u.image AS author_image"""
                            + (viewer.isPresent()
                                    ? ", EXISTS (SELECT 1 FROM follows fo WHERE fo.follower_id = :viewer"
                                            + " AND fo.followee_id = c.author_id) AS following"
                                    : ", FALSE AS following")
                            + """

                              FROM comments c
                              JOIN articles a ON a.id = c.article_id
                              JOIN users u ON u.id = c.author_id
                             WHERE a.slug = :slug
                             ORDER BY c.id""")
                    .bind("slug", slug.value());
            viewer.ifPresent(id -> query.bind("viewer", id.value()));
            return query.scanResultSet((results, ctx) -> {
                ResultSet rs = results.get();
                List<CommentView> comments = new ArrayList<>();
                while (rs.next()) {
                    comments.add(rows.comment(rs));
                }
                return comments;
            });
        });
    }

    @Override
    public List<String> tags() {
        // Sorted here, not by ORDER BY: the server's collation decides where "Zebras" goes among lower-case
        // names (en_US: last, C and SQLite: first). This is the order of Tag.compareTo, as in every TagList.
        // A tag is in use while its counter is above zero: one row per tag, however many articles carry it.
        return handle.with(h -> h.createQuery("""
                        SELECT t.name FROM article_counts c JOIN tags t ON t.id = c.subject_id
                         WHERE c.scope = 'tag' AND c.n > 0""")
                .scanResultSet((results, ctx) -> {
                    ResultSet rs = results.get();
                    List<String> names = new ArrayList<>();
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                    names.sort(null);
                    return names;
                }));
    }

    /** The count and the page in one statement (see {@link ArticleSql#page}). */
    private ArticlePage page(ArticleSql.ListSql list, Map<String, Object> binds, PageRequest page,
                             Optional<UserId> viewer) {
        String sql = ArticleSql.page(dialect, list, viewer);
        return handle.with(h -> {
            var query = h.createQuery(sql)
                    .bindMap(binds)
                    .bind("limit", page.limit())
                    .bind("offset", page.offset());
            bindTagsAndViewer(query, sql, viewer);
            return query.scanResultSet((results, ctx) -> {
                ResultSet rs = results.get();
                var columns = ArticleRows.ArticleColumns.of(rs, false);
                int totalColumn = rs.findColumn("total");
                long total = 0;
                List<ArticleView> views = new ArrayList<>(page.limit());
                boolean first = true;
                while (rs.next()) {
                    if (first && viewer.isPresent() && !rs.getBoolean("viewer_known")) {
                        throw new AuthenticationException("user no longer exists");
                    }
                    first = false;
                    total = rs.getLong(totalColumn);
                    rs.getLong(columns.id());
                    if (!rs.wasNull()) {
                        views.add(rows.view(rs, columns));
                    }
                }
                return new ArticlePage(views, total);
            });
        });
    }

    /** The tag separator where {@code sql} takes it as a parameter, and the viewer when there is one. */
    private static void bindTagsAndViewer(Query query, String sql, Optional<UserId> viewer) {
        if (ArticleSql.bindsTagSeparator(sql)) {
            query.bind("tagSeparator", TAG_SEPARATOR);
        }
        viewer.ifPresent(id -> query.bind("viewer", id.value()));
    }
}
