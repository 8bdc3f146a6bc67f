package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.adapter.jdbi.sql.Timestamps;
import io.conduithex.domain.article.Article;
import io.conduithex.domain.article.ArticleBody;
import io.conduithex.domain.article.ArticleFilter;
import io.conduithex.domain.article.ArticleId;
import io.conduithex.domain.article.ArticlePage;
import io.conduithex.domain.article.ArticleView;
import io.conduithex.domain.article.Description;
import io.conduithex.domain.article.PageRequest;
import io.conduithex.domain.article.Slug;
import io.conduithex.domain.article.TagList;
import io.conduithex.domain.article.Title;
import io.conduithex.domain.comment.Comment;
import io.conduithex.domain.comment.CommentBody;
import io.conduithex.domain.comment.CommentId;
import io.conduithex.domain.comment.CommentView;
import io.conduithex.domain.failure.AuthenticationException;
import io.conduithex.domain.port.persistence.ArticleReadModel;
import io.conduithex.domain.user.Bio;
import io.conduithex.domain.user.ImageUrl;
import io.conduithex.domain.user.Profile;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.user.Username;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side of articles. Every method is one statement, whatever the page size: the count, read from the
 * {@code article_counts} rows the V4 migration's triggers keep exact in every writing transaction (never a
 * count of the matching rows), the page joined with its authors, each article's tags aggregated into one
 * column, and for a signed-in reader the favorited and following flags. One statement is one snapshot, so a
 * page and its count always agree at any isolation level, and a read costs one round trip to the database.
 * Favorite counts are a column kept exact by {@link JdbiFavoriteRepository}, so they cost nothing here.
 */
public final class JdbiArticleReadModel implements ArticleReadModel {
    /** Joins an article's tag names into one column; tag names cannot hold control characters. */
    private static final String TAG_SEPARATOR = "\u001f";
    private static final String ARTICLE_COLUMNS = """
            a.id, a.slug, a.title, a.description, a.author_id, a.created_at, a.updated_at, a.favorites_count,
            u.username AS author_username, u.bio AS author_bio, u.image AS author_image""";
    private static final String READER_FLAGS = """
            , EXISTS (SELECT 1 FROM favorites fv WHERE fv.user_id = :viewer AND fv.article_id = a.id) AS favorited,
              EXISTS (SELECT 1 FROM follows fo WHERE fo.follower_id = :viewer AND fo.followee_id = a.author_id)
                AS following""";
    private static final String STRANGER_FLAGS = ", FALSE AS favorited, FALSE AS following";
    /** Whether the signed-in reader still exists: asked once per statement, on the row that always comes. */
    private static final String VIEWER_KNOWN = ", EXISTS (SELECT 1 FROM users vu WHERE vu.id = :viewer) AS viewer_known";
    private static final String NEWEST_FIRST = " ORDER BY a.created_at DESC, a.id DESC";
    private static final String ALL_COUNT = "SELECT COALESCE(SUM(n), 0) AS total FROM article_counts WHERE scope = 'all'";
    private static final String TAG_COUNT = """
            SELECT COALESCE(SUM(c.n), 0) AS total FROM tags t
              JOIN article_counts c ON c.scope = 'tag' AND c.subject_id = t.id
             WHERE t.name = :tag""";
    private static final String AUTHOR_COUNT = """
            SELECT COALESCE(SUM(c.n), 0) AS total FROM users u
              JOIN article_counts c ON c.scope = 'author' AND c.subject_id = u.id
             WHERE u.username_key = :author""";
    private static final String FAN_COUNT = """
            SELECT COALESCE(SUM(c.n), 0) AS total FROM users u
              JOIN article_counts c ON c.scope = 'fan' AND c.subject_id = u.id
             WHERE u.username_key = :fan""";
    /**
     * The feed holds every article of every followee, so its size is the sum of their counters: one key
     * lookup per followee. (As a join, PostgreSQL would rather hash every author's counter, a cost that
     * grows with the number of users.)
     */
    private static final String FEED_COUNT = """
            SELECT COALESCE(SUM((SELECT c.n FROM article_counts c
                                  WHERE c.scope = 'author' AND c.subject_id = f.followee_id)), 0) AS total
              FROM follows f
             WHERE f.follower_id = :viewer""";

    private final GuardedHandle handle;
    private final Dialect dialect;
    private final Timestamps timestamps;
    private final String articleColumns;

    public JdbiArticleReadModel(GuardedHandle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
        this.timestamps = Timestamps.of(dialect);
        // PostgreSQL looks each tag up by key from the article's tag ids; as a join its single generic plan
        // hashes the whole tags table. SQLite plans the join as key lookups, and the = ANY form as a scan.
        String tagsOfArticle = dialect == Dialect.POSTGRESQL
                ? "FROM tags t WHERE t.id = ANY (ARRAY(SELECT at.tag_id FROM article_tags at WHERE at.article_id = a.id))"
                : "FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id";
        this.articleColumns = ARTICLE_COLUMNS + ", (SELECT string_agg(t.name, :tagSeparator) " + tagsOfArticle
                + ") AS tag_names";
    }

    @Override
    public ArticlePage list(ArticleFilter filter, PageRequest page, Optional<UserId> viewer) {
        var binds = new HashMap<String, Object>();
        filter.tag().ifPresent(tag -> binds.put("tag", tag.value()));
        filter.author().ifPresent(author -> binds.put("author", author.normalized()));
        filter.favoritedBy().ifPresent(fan -> binds.put("fan", fan.normalized()));
        int criteria = binds.size();
        if (criteria == 0) {
            return page(ALL_COUNT, "SELECT a.id FROM articles a" + NEWEST_FIRST, binds, page, viewer);
        }
        if (criteria == 1 && filter.tag().isPresent()) {
            return page(TAG_COUNT, """
                    SELECT at.article_id FROM article_tags at
                     WHERE at.tag_id = (SELECT id FROM tags WHERE name = :tag)
                     ORDER BY at.article_created_at DESC, at.article_id DESC""", binds, page, viewer);
        }
        if (criteria == 1 && filter.author().isPresent()) {
            return page(AUTHOR_COUNT, "SELECT a.id FROM articles a"
                    + " WHERE a.author_id = (SELECT id FROM users WHERE username_key = :author)" + NEWEST_FIRST,
                    binds, page, viewer);
        }
        if (criteria == 1) {
            return page(FAN_COUNT, """
                    SELECT f.article_id FROM favorites f
                     WHERE f.user_id = (SELECT id FROM users WHERE username_key = :fan)
                     ORDER BY f.article_created_at DESC, f.article_id DESC""", binds, page, viewer);
        }
        // Two or more criteria together (not a list the client offers) are counted row by row, over the
        // intersection the page reads anyway.
        var where = new StringBuilder();
        filter.tag().ifPresent(tag -> where.append(" AND a.id IN (SELECT at.article_id FROM article_tags at"
                + " JOIN tags t ON t.id = at.tag_id WHERE t.name = :tag)"));
        filter.author().ifPresent(author -> where.append(
                " AND a.author_id IN (SELECT id FROM users WHERE username_key = :author)"));
        filter.favoritedBy().ifPresent(fan -> where.append(" AND a.id IN (SELECT f.article_id FROM favorites f"
                + " JOIN users fu ON fu.id = f.user_id WHERE fu.username_key = :fan)"));
        return page("SELECT COUNT(*) AS total FROM articles a WHERE 1 = 1" + where,
                "SELECT a.id FROM articles a WHERE 1 = 1" + where + NEWEST_FIRST, binds, page, viewer);
    }

    /**
     * On PostgreSQL the feed's page is merged from the newest articles of the followees who wrote most
     * recently. A first pass reads each followee's newest article (one index descent each); the {@code window}-th
     * newest of those is a cutoff no article of the page can be older than, since at least {@code window}
     * articles are as new. The second pass walks, through the same index, only the followees whose newest article
     * reaches the cutoff, and only down to it: about {@code window} short walks, however many articles each
     * followee wrote. (Merging every followee's newest {@code window} articles cost {@code window} rows per
     * followee, and prolific followees made the statement 2.3 times dearer at a million articles; the one generic plan
     * of a plain join could fetch and sort every article of every followee.) SQLite, without LATERAL, walks the
     * followees' articles through the same index and sorts them.
     */
    @Override
    public ArticlePage feed(UserId viewer, PageRequest page) {
        var binds = new HashMap<String, Object>();
        binds.put("viewer", viewer.value());
        String ids;
        if (dialect == Dialect.POSTGRESQL) {
            ids = """
                    WITH newest AS MATERIALIZED (
                             SELECT f.followee_id,
                                    (SELECT a.created_at FROM articles a WHERE a.author_id = f.followee_id
                                      ORDER BY a.created_at DESC, a.id DESC LIMIT 1) AS created_at
                               FROM follows f WHERE f.follower_id = :viewer),
                         cutoff AS (
                             SELECT CASE WHEN count(*) < :window THEN '-infinity' ELSE min(top.created_at) END AS t
                               FROM (SELECT n.created_at FROM newest n WHERE n.created_at IS NOT NULL
                                      ORDER BY n.created_at DESC LIMIT :window) top)
                    SELECT x.id FROM newest n
                     CROSS JOIN LATERAL (SELECT a.id, a.created_at FROM articles a
                                          WHERE a.author_id = n.followee_id AND a.created_at >= (SELECT t FROM cutoff)
                                          ORDER BY a.created_at DESC, a.id DESC LIMIT :window) x
                     WHERE n.created_at >= (SELECT t FROM cutoff)
                     ORDER BY x.created_at DESC, x.id DESC""";
            binds.put("window", page.offset() + page.limit());
        } else {
            ids = "SELECT a.id FROM articles a"
                    + " WHERE a.author_id IN (SELECT followee_id FROM follows WHERE follower_id = :viewer)"
                    + NEWEST_FIRST;
        }
        return page(FEED_COUNT, ids, binds, page, Optional.of(viewer));
    }

    @Override
    public Optional<ArticleView> view(Slug slug, Optional<UserId> viewer) {
        return handle.with(h -> {
            var query = h.createQuery("SELECT " + articleColumns + flags(viewer) + ", a.body"
                            + " FROM articles a JOIN users u ON u.id = a.author_id WHERE a.slug = :slug")
                    .bind("slug", slug.value())
                    .bind("tagSeparator", TAG_SEPARATOR);
            viewer.ifPresent(id -> query.bind("viewer", id.value()));
            return query.scanResultSet((rows, ctx) -> {
                ResultSet rs = rows.get();
                return rs.next() ? Optional.of(view(rs, ArticleColumns.of(rs, true))) : Optional.<ArticleView>empty();
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
            return query.scanResultSet((rows, ctx) -> {
                ResultSet rs = rows.get();
                List<CommentView> comments = new ArrayList<>();
                while (rs.next()) {
                    var comment = new Comment(new CommentId(rs.getLong("id")), new ArticleId(rs.getLong("article_id")),
                            new UserId(rs.getLong("author_id")), new CommentBody(rs.getString("body")),
                            timestamps.read(rs, "created_at"), timestamps.read(rs, "updated_at"));
                    comments.add(new CommentView(comment, new Profile(new Username(rs.getString("author_username")),
                            bio(rs.getString("author_bio")), image(rs.getString("author_image")),
                            rs.getBoolean("following"))));
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
                .scanResultSet((rows, ctx) -> {
                    ResultSet rs = rows.get();
                    List<String> names = new ArrayList<>();
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                    names.sort(null);
                    return names;
                }));
    }

    /**
     * The count and the page in one statement. The count is the one row the page is left-joined to, so it
     * comes back even when the page is empty. The page is a deferred join: its ids come from the newest-first
     * index alone, skipped rows are walked as index entries only, and just the page's rows are read and joined.
     */
    private ArticlePage page(String countSql, String idsSql, Map<String, Object> binds, PageRequest page,
                             Optional<UserId> viewer) {
        String sql = dialect == Dialect.POSTGRESQL
                ? postgresPage(countSql, idsSql, viewer)
                : "SELECT c.total, " + articleColumns + flags(viewer) + viewerKnown(viewer)
                        + " FROM (" + countSql + ") c"
                        // Two left joins, not one to a parenthesized join: SQLite would materialize the whole
                        // join first.
                        + " LEFT JOIN articles a ON a.id IN (" + idsSql + " LIMIT :limit OFFSET :offset)"
                        + " LEFT JOIN users u ON u.id = a.author_id"
                        + NEWEST_FIRST;
        return handle.with(h -> {
            var query = h.createQuery(sql)
                    .bindMap(binds)
                    .bind("limit", page.limit())
                    .bind("offset", page.offset())
                    .bind("tagSeparator", TAG_SEPARATOR);
            viewer.ifPresent(id -> query.bind("viewer", id.value()));
            return query.scanResultSet((rows, ctx) -> {
                ResultSet rs = rows.get();
                var columns = ArticleColumns.of(rs, false);
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
                        views.add(view(rs, columns));
                    }
                }
                return new ArticlePage(views, total);
            });
        });
    }

    /**
     * PostgreSQL's page. Its ids are computed once, as an array: the articles are looked up by primary key, a
     * plan that stays right without knowing the parameters, so the statement is planned once and reused (an
     * IN join may be planned as a hash of the whole table when the page size is a parameter). The tags of the
     * whole page are joined and aggregated in one pass: per article, as a subquery, they cost a scan of the
     * tags table each, two thirds of the statement's time.
     */
    private static String postgresPage(String countSql, String idsSql, Optional<UserId> viewer) {
        String pageIds = "(SELECT ids FROM page)::bigint[]";
        return "WITH page AS (SELECT ARRAY(" + idsSql + " LIMIT :limit OFFSET :offset) AS ids)"
                + " SELECT c.total, " + ARTICLE_COLUMNS + ", tg.names AS tag_names" + flags(viewer)
                + viewerKnown(viewer)
                + " FROM (" + countSql + ") c"
                + " LEFT JOIN articles a ON a.id = ANY (" + pageIds + ")"
                + " LEFT JOIN users u ON u.id = a.author_id"
                + " LEFT JOIN (SELECT at.article_id, string_agg(t.name, :tagSeparator) AS names"
                + " FROM article_tags at JOIN tags t ON t.id = at.tag_id"
                + " WHERE at.article_id = ANY (" + pageIds + ") GROUP BY at.article_id) tg ON tg.article_id = a.id"
                + NEWEST_FIRST;
    }

    private static String viewerKnown(Optional<UserId> viewer) {
        return viewer.isPresent() ? VIEWER_KNOWN : "";
    }

    private static String flags(Optional<UserId> viewer) {
        return viewer.isPresent() ? READER_FLAGS : STRANGER_FLAGS;
    }

    private ArticleView view(ResultSet rs, ArticleColumns c) throws SQLException {
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
    private record ArticleColumns(int id, int slug, int title, int description, int body, int tagNames, int authorId,
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
}
