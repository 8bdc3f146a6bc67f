package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.domain.article.ArticleId;
import io.conduithex.domain.article.TagList;
import org.jdbi.v3.core.Handle;

/** Links an article to its tags, creating the tags nobody used before. */
final class TagWriter {
    private static final String INSERT_NEW_TAG = "INSERT INTO tags (name) VALUES (:name) ON CONFLICT (name) DO NOTHING";
    /**
     * MariaDB has no DO NOTHING, and INSERT IGNORE would turn every other error of the row into a warning too:
     * setting the name to itself leaves an existing tag as it was.
     */
    private static final String MARIADB_INSERT_NEW_TAG =
            "INSERT INTO tags (name) VALUES (:name) ON DUPLICATE KEY UPDATE name = name";

    private TagWriter() {
    }

    static void link(Handle h, Dialect dialect, ArticleId article, TagList tags) {
        if (tags.tags().isEmpty()) {
            return;
        }
        // Tags arrive sorted, so concurrent transactions lock new tag rows in the same order and cannot
        // deadlock on them; ON CONFLICT DO NOTHING makes a tag created concurrently a no-op, not an error.
        var batch = h.prepareBatch(dialect == Dialect.MARIADB ? MARIADB_INSERT_NEW_TAG : INSERT_NEW_TAG);
        for (String name : tags.names()) {
            batch.bind("name", name).add();
        }
        batch.execute();
        h.createUpdate("""
                        INSERT INTO article_tags (article_id, tag_id)
                        SELECT :article, id FROM tags WHERE name IN (<names>)""")
                .bind("article", article.value())
                .bindList("names", tags.names())
                .execute();
    }

    static void unlinkAll(Handle h, ArticleId article) {
        h.createUpdate("DELETE FROM article_tags WHERE article_id = :article")
                .bind("article", article.value())
                .execute();
    }
}
