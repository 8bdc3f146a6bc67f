package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.domain.article.ArticleFilter;
import io.conduithex.domain.article.PageRequest;
import io.conduithex.domain.user.UserId;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of {@link JdbiArticleReadModel}, per dialect: which counter and which ids make a list, and the one
 * statement that reads a page with its count. Text only; stateless.
 */
final class ArticleSql {
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

    private static final String POSTGRES_FEED_IDS = """
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
    private static final String SQLITE_FEED_IDS = "SELECT a.id FROM articles a"
            + " WHERE a.author_id IN (SELECT followee_id FROM follows WHERE follower_id = :viewer)" + NEWEST_FIRST;
    private static final String TAGS_BY_JOIN = " FROM article_tags at JOIN tags t ON t.id = at.tag_id"
            + " WHERE at.article_id = a.id";
    /**
     * MariaDB's GROUP_CONCAT takes its separator only as a literal: the separator's byte in hex (the result stays
     * utf8mb4). Each name as it is, never wrapped in CONCAT: a CONCAT made every article's tag list a temporary
     * table on disk, which cost a list page twenty files and an article a third of its time (bench/compare).
     */
    private static final String MARIADB_TAG_NAMES = "GROUP_CONCAT(t.name SEPARATOR X'"
            + String.format("%02X", (int) ArticleRows.TAG_SEPARATOR.charAt(0)) + "')";

    /**
     * A list: the statement that counts it, the one that yields its ids, newest first, and the name of the column
     * those ids come in.
     */
    record ListSql(String count, String ids, String idColumn) {
    }

    private ArticleSql() {
    }

    /** The list {@code filter} asks for; puts the values its statements bind into {@code binds}. */
    static ListSql list(ArticleFilter filter, Map<String, Object> binds) {
        filter.tag().ifPresent(tag -> binds.put("tag", tag.value()));
        filter.author().ifPresent(author -> binds.put("author", author.normalized()));
        filter.favoritedBy().ifPresent(fan -> binds.put("fan", fan.normalized()));
        int criteria = binds.size();
        if (criteria == 0) {
            return new ListSql(ALL_COUNT, "SELECT a.id FROM articles a" + NEWEST_FIRST, "id");
        }
        if (criteria == 1 && filter.tag().isPresent()) {
            return new ListSql(TAG_COUNT, """
                    SELECT at.article_id FROM article_tags at
                     WHERE at.tag_id = (SELECT id FROM tags WHERE name = :tag)
                     ORDER BY at.article_created_at DESC, at.article_id DESC""", "article_id");
        }
        if (criteria == 1 && filter.author().isPresent()) {
            return new ListSql(AUTHOR_COUNT, "SELECT a.id FROM articles a"
                    + " WHERE a.author_id = (SELECT id FROM users WHERE username_key = :author)" + NEWEST_FIRST, "id");
        }
        if (criteria == 1) {
            return new ListSql(FAN_COUNT, """
                    SELECT f.article_id FROM favorites f
                     WHERE f.user_id = (SELECT id FROM users WHERE username_key = :fan)
                     ORDER BY f.article_created_at DESC, f.article_id DESC""", "article_id");
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
        return new ListSql("SELECT COUNT(*) AS total FROM articles a WHERE 1 = 1" + where,
                "SELECT a.id FROM articles a WHERE 1 = 1" + where + NEWEST_FIRST, "id");
    }

    /**
     * The feed of {@code viewer}'s followees. On PostgreSQL the page is merged from the newest articles of the
     * followees who wrote most recently. A first pass reads each followee's newest article (one index descent
     * each); the {@code window}-th newest of those is a cutoff no article of the page can be older than, since at
     * least {@code window} articles are as new. The second pass walks, through the same index, only the followees
     * whose newest article reaches the cutoff, and only down to it: about {@code window} short walks, however many
     * articles each followee wrote. (Merging every followee's newest {@code window} articles cost {@code window}
     * rows per followee, and prolific followees made the statement 2.3 times dearer at a million articles; the one
     * generic plan of a plain join could fetch and sort every article of every followee.) SQLite and MariaDB,
     * without LATERAL, walk the followees' articles through the same index and sort them.
     */
    static ListSql feed(Dialect dialect, UserId viewer, PageRequest page, Map<String, Object> binds) {
        binds.put("viewer", viewer.value());
        if (dialect == Dialect.POSTGRESQL) {
            binds.put("window", page.offset() + page.limit());
            return new ListSql(FEED_COUNT, POSTGRES_FEED_IDS, "id");
        }
        return new ListSql(FEED_COUNT, SQLITE_FEED_IDS, "id");
    }

    /** Whether {@code sql} takes the tag separator as a parameter (MariaDB's has it as a literal). */
    static boolean bindsTagSeparator(String sql) {
        return sql.contains(":tagSeparator");
    }

    /**
     * The columns of an article row with its author and its tags aggregated into one column. PostgreSQL looks
     * each tag up by key from the article's tag ids; as a join its single generic plan hashes the whole tags
     * table. SQLite plans the join as key lookups, and the = ANY form as a scan.
     */
    static String articleColumns(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> ARTICLE_COLUMNS + ", (SELECT string_agg(t.name, :tagSeparator) FROM tags t"
                    + " WHERE t.id = ANY (ARRAY(SELECT at.tag_id FROM article_tags at WHERE at.article_id = a.id)))"
                    + " AS tag_names";
            case SQLITE -> ARTICLE_COLUMNS + ", (SELECT string_agg(t.name, :tagSeparator)" + TAGS_BY_JOIN
                    + ") AS tag_names";
            case MARIADB -> ARTICLE_COLUMNS + ", (SELECT " + MARIADB_TAG_NAMES + TAGS_BY_JOIN + ") AS tag_names";
        };
    }

    /**
     * The count and the page in one statement. The count is the one row the page is left-joined to, so it
     * comes back even when the page is empty. The page is a deferred join: its ids come from the newest-first
     * index alone, skipped rows are walked as index entries only, and just the page's rows are read and joined.
     */
    static String page(Dialect dialect, ListSql list, Optional<UserId> viewer) {
        if (dialect == Dialect.POSTGRESQL) {
            return postgresPage(list.count(), list.ids(), viewer);
        }
        if (dialect == Dialect.MARIADB) {
            return mariaDbPage(list, viewer);
        }
        return "SELECT c.total, " + articleColumns(dialect) + flags(viewer) + viewerKnown(viewer)
                + " FROM (" + list.count() + ") c"
                // Two left joins, not one to a parenthesized join: SQLite would materialize the whole join first.
                + " LEFT JOIN articles a ON a.id IN (" + list.ids() + " LIMIT :limit OFFSET :offset)"
                + " LEFT JOIN users u ON u.id = a.author_id"
                + NEWEST_FIRST;
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

    /**
     * MariaDB's page. Its ids are a derived table (MariaDB refuses LIMIT in an IN subquery), read once, and each
     * article is joined to it by primary key: as {@code a.id IN (...)} in the join's condition MariaDB would test
     * every article against the page instead.
     */
    private static String mariaDbPage(ListSql list, Optional<UserId> viewer) {
        return "SELECT c.total, " + articleColumns(Dialect.MARIADB) + flags(viewer) + viewerKnown(viewer)
                + " FROM (" + list.count() + ") c"
                + " LEFT JOIN (" + list.ids() + " LIMIT :limit OFFSET :offset) p ON TRUE"
                + " LEFT JOIN articles a ON a.id = p." + list.idColumn()
                + " LEFT JOIN users u ON u.id = a.author_id"
                + NEWEST_FIRST;
    }

    private static String viewerKnown(Optional<UserId> viewer) {
        return viewer.isPresent() ? VIEWER_KNOWN : "";
    }

    static String flags(Optional<UserId> viewer) {
        return viewer.isPresent() ? READER_FLAGS : STRANGER_FLAGS;
    }
}
