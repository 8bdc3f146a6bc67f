package io.conduithex.adapter.jdbi.article;

import io.conduithex.adapter.jdbi.sql.Timestamps;
import io.conduithex.adapter.jdbi.transaction.GuardedHandle;
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
import io.conduithex.domain.port.persistence.ArticleReadModel;
import io.conduithex.domain.user.Bio;
import io.conduithex.domain.user.ImageUrl;
import io.conduithex.domain.user.Profile;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.user.Username;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The read side of articles, in a constant number of set-based statements whatever the page size:
 * the count, read from the {@code article_counts} rows the V4 migration's triggers keep exact in every
 * writing transaction (never a count of the matching rows), the page joined with its authors, then the page's tags, and for a signed-in reader the
 * favorited and following flags, each for the whole page at once. Favorite counts are a column kept exact
 * by {@link JdbiFavoriteRepository}, so they cost nothing here.
 */
public final class JdbiArticleReadModel implements ArticleReadModel {
    private static final String ARTICLE_COLUMNS = """
            a.id, a.slug, a.title, a.description, a.author_id, a.created_at, a.updated_at, a.favorites_count,
            u.username AS author_username, u.bio AS author_bio, u.image AS author_image""";
    private static final String NEWEST_FIRST = " ORDER BY a.created_at DESC, a.id DESC";
    private static final String ALL_COUNT = "SELECT COALESCE(SUM(n), 0) FROM article_counts WHERE scope = 'all'";
    private static final String TAG_COUNT = """
            SELECT COALESCE(SUM(c.n), 0) FROM tags t
              JOIN article_counts c ON c.scope = 'tag' AND c.subject_id = t.id
             WHERE t.name = :tag""";
    private static final String AUTHOR_COUNT = """
            SELECT COALESCE(SUM(c.n), 0) FROM users u
              JOIN article_counts c ON c.scope = 'author' AND c.subject_id = u.id
             WHERE u.username_key = :author""";
    private static final String FAN_COUNT = """
            SELECT COALESCE(SUM(c.n), 0) FROM users u
              JOIN article_counts c ON c.scope = 'fan' AND c.subject_id = u.id
             WHERE u.username_key = :fan""";
    /**
     * The feed holds every article of every followee, so its size is the sum of their counters: one key
     * lookup per followee. (As a join, PostgreSQL would rather hash every author's counter, a cost that
     * grows with the number of users.)
     */
    private static final String FEED_COUNT = """
            SELECT COALESCE(SUM((SELECT c.n FROM article_counts c
                                  WHERE c.scope = 'author' AND c.subject_id = f.followee_id)), 0)
              FROM follows f
             WHERE f.follower_id = :viewer""";

    private final GuardedHandle handle;
    private final Timestamps timestamps;

    public JdbiArticleReadModel(GuardedHandle handle, Timestamps timestamps) {
        this.handle = handle;
        this.timestamps = timestamps;
    }

    @Override
    public ArticlePage list(ArticleFilter filter, PageRequest page, Optional<UserId> viewer) {
        var where = new StringBuilder();
        var binds = new HashMap<String, Object>();
        filter.tag().ifPresent(tag -> {
            where.append(" AND a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id"
                    + " WHERE t.name = :tag)");
            binds.put("tag", tag.value());
        });
        filter.author().ifPresent(author -> {
            where.append(" AND a.author_id IN (SELECT id FROM users WHERE username_key = :author)");
            binds.put("author", author.normalized());
        });
        filter.favoritedBy().ifPresent(fan -> {
            where.append(" AND a.id IN (SELECT f.article_id FROM favorites f JOIN users fu ON fu.id = f.user_id"
                    + " WHERE fu.username_key = :fan)");
            binds.put("fan", fan.normalized());
        });
        return page(where.toString(), counted(filter), binds, page, viewer);
    }

    @Override
    public ArticlePage feed(UserId viewer, PageRequest page) {
        return page(" AND a.author_id IN (SELECT followee_id FROM follows WHERE follower_id = :viewer)",
                FEED_COUNT, Map.of("viewer", viewer.value()), page, Optional.of(viewer));
    }

    @Override
    public Optional<ArticleView> view(Slug slug, Optional<UserId> viewer) {
        return handle.with(h -> {
            List<Row> rows = h.createQuery("SELECT " + ARTICLE_COLUMNS + ", a.body"
                            + " FROM articles a JOIN users u ON u.id = a.author_id WHERE a.slug = :slug")
                    .bind("slug", slug.value())
                    .map((rs, ctx) -> row(rs, true))
                    .list();
            return assemble(h, rows, viewer).stream().findFirst();
        });
    }

    @Override
    public List<CommentView> comments(Slug slug, Optional<UserId> viewer) {
        return handle.with(h -> {
            record CommentRow(Comment comment, Username username, Bio bio, ImageUrl image) {
            }
            List<CommentRow> rows = h.createQuery("""
                            SELECT c.id, c.article_id, c.author_id, c.body, c.created_at, c.updated_at,
                                   u.username AS author_username, u.bio AS author_bio, u.image AS author_image
                              FROM comments c
                              JOIN articles a ON a.id = c.article_id
                              JOIN users u ON u.id = c.author_id
                             WHERE a.slug = :slug
                             ORDER BY c.id""")
                    .bind("slug", slug.value())
                    .map((rs, ctx) -> new CommentRow(
                            new Comment(new CommentId(rs.getLong("id")), new ArticleId(rs.getLong("article_id")),
                                    new UserId(rs.getLong("author_id")), new CommentBody(rs.getString("body")),
                                    timestamps.read(rs, "created_at"), timestamps.read(rs, "updated_at")),
                            new Username(rs.getString("author_username")),
                            bio(rs.getString("author_bio")),
                            image(rs.getString("author_image"))))
                    .list();
            Set<UserId> followed = followed(h, viewer, rows.stream().map(r -> r.comment().authorId()).toList());
            return rows.stream()
                    .map(r -> new CommentView(r.comment(), new Profile(r.username(), r.bio(), r.image(),
                            followed.contains(r.comment().authorId()))))
                    .toList();
        });
    }

    @Override
    public List<String> tags() {
        // Sorted here, not by ORDER BY: the server's collation decides where "Zebras" goes among lower-case
        // names (en_US: last, C and SQLite: first). This is the order of Tag.compareTo, as in every TagList.
        return handle.with(h -> h.createQuery("""
                        SELECT t.name FROM tags t
                         WHERE EXISTS (SELECT 1 FROM article_tags at WHERE at.tag_id = t.id)""")
                .mapTo(String.class)
                .list())
                .stream()
                .sorted()
                .toList();
    }

    /**
     * The counter that answers the filter's count. Each criterion alone has one; two or more together (not a
     * list the client offers) are counted row by row, over the intersection the page query reads anyway.
     */
    private static String counted(ArticleFilter filter) {
        int criteria = (filter.tag().isPresent() ? 1 : 0) + (filter.author().isPresent() ? 1 : 0)
                + (filter.favoritedBy().isPresent() ? 1 : 0);
        if (criteria == 0) {
            return ALL_COUNT;
        }
        if (criteria > 1) {
            return null;
        }
        return filter.tag().isPresent() ? TAG_COUNT : filter.author().isPresent() ? AUTHOR_COUNT : FAN_COUNT;
    }

    private ArticlePage page(String where, String countSql, Map<String, Object> binds, PageRequest page,
                             Optional<UserId> viewer) {
        return handle.with(h -> {
            long total = h.createQuery(countSql != null ? countSql : "SELECT COUNT(*) FROM articles a WHERE 1 = 1"
                            + where)
                    .bindMap(binds)
                    .mapTo(Long.class)
                    .one();
            if (page.offset() >= total) {
                return new ArticlePage(List.of(), total);
            }
            // A deferred join: the page's ids come from the newest-first index alone, the skipped rows are
            // walked as index entries only, and just the page's rows are read from the table and joined.
            List<Row> rows = h.createQuery("SELECT " + ARTICLE_COLUMNS
                            + " FROM (SELECT a.id FROM articles a WHERE 1 = 1" + where + NEWEST_FIRST
                            + " LIMIT :limit OFFSET :offset) p"
                            + " JOIN articles a ON a.id = p.id JOIN users u ON u.id = a.author_id" + NEWEST_FIRST)
                    .bindMap(binds)
                    .bind("limit", page.limit())
                    .bind("offset", page.offset())
                    .map((rs, ctx) -> row(rs, false))
                    .list();
            return new ArticlePage(assemble(h, rows, viewer), total);
        });
    }

    /** An article row with its author, before tags and the reader's flags are known. */
    private record Row(Article article, Username author, Bio bio, ImageUrl image) {
    }

    private Row row(ResultSet rs, boolean withBody) throws SQLException {
        var article = new Article(
                new ArticleId(rs.getLong("id")),
                new Slug(rs.getString("slug")),
                new Title(rs.getString("title")),
                new Description(rs.getString("description")),
                withBody ? new ArticleBody(rs.getString("body")) : null,
                TagList.EMPTY,
                new UserId(rs.getLong("author_id")),
                timestamps.read(rs, "created_at"),
                timestamps.read(rs, "updated_at"),
                rs.getLong("favorites_count"));
        return new Row(article, new Username(rs.getString("author_username")), bio(rs.getString("author_bio")),
                image(rs.getString("author_image")));
    }

    private List<ArticleView> assemble(Handle h, List<Row> rows, Optional<UserId> viewer) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> r.article().id().value()).toList();
        Map<Long, List<String>> tags = tagsOf(h, ids);
        Set<Long> favorited = favorited(h, viewer, ids);
        Set<UserId> followed = followed(h, viewer, rows.stream().map(r -> r.article().authorId()).toList());
        List<ArticleView> views = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Article a = r.article();
            var withTags = new Article(a.id(), a.slug(), a.title(), a.description(), a.body(),
                    TagList.of(tags.getOrDefault(a.id().value(), List.of())), a.authorId(), a.createdAt(),
                    a.updatedAt(), a.favoritesCount());
            var author = new Profile(r.author(), r.bio(), r.image(), followed.contains(a.authorId()));
            views.add(new ArticleView(withTags, author, favorited.contains(a.id().value())));
        }
        return views;
    }

    private static Map<Long, List<String>> tagsOf(Handle h, List<Long> articleIds) {
        Map<Long, List<String>> tags = new LinkedHashMap<>();
        h.createQuery("""
                        SELECT at.article_id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
                         WHERE at.article_id IN (<ids>)""")
                .bindList("ids", articleIds)
                .map((rs, ctx) -> Map.entry(rs.getLong("article_id"), rs.getString("name")))
                .forEach(e -> tags.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return tags;
    }

    private static Set<Long> favorited(Handle h, Optional<UserId> viewer, List<Long> articleIds) {
        if (viewer.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(h.createQuery(
                        "SELECT article_id FROM favorites WHERE user_id = :viewer AND article_id IN (<ids>)")
                .bind("viewer", viewer.get().value())
                .bindList("ids", articleIds)
                .mapTo(Long.class)
                .list());
    }

    private static Set<UserId> followed(Handle h, Optional<UserId> viewer, Collection<UserId> authors) {
        if (viewer.isEmpty() || authors.isEmpty()) {
            return Set.of();
        }
        List<Long> ids = authors.stream().map(UserId::value).distinct().toList();
        Set<UserId> followed = new HashSet<>();
        h.createQuery("SELECT followee_id FROM follows WHERE follower_id = :viewer AND followee_id IN (<ids>)")
                .bind("viewer", viewer.get().value())
                .bindList("ids", ids)
                .mapTo(Long.class)
                .forEach(id -> followed.add(new UserId(id)));
        return followed;
    }

    private static Bio bio(String raw) {
        return raw == null ? null : new Bio(raw);
    }

    private static ImageUrl image(String raw) {
        return raw == null ? null : new ImageUrl(raw);
    }
}
