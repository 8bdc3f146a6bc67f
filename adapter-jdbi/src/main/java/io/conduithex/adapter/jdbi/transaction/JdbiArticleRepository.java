package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.sql.Timestamps;
import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.domain.article.Article;
import io.conduithex.domain.article.ArticleBody;
import io.conduithex.domain.article.ArticleId;
import io.conduithex.domain.article.Description;
import io.conduithex.domain.article.NewArticle;
import io.conduithex.domain.article.Slug;
import io.conduithex.domain.article.TagList;
import io.conduithex.domain.article.Title;
import io.conduithex.domain.port.persistence.ArticleRepository;
import io.conduithex.domain.user.UserId;
import java.util.Map;
import java.util.Optional;

/**
 * Articles in {@code articles}, their tags in {@code tags} and {@code article_tags}. Every write is noted in the
 * transaction's {@link ChangeLog}, and so is every slug it looks up, for the writes that name an article by id.
 */
record JdbiArticleRepository(GuardedHandle handle, Timestamps timestamps, ChangeLog changes, Dialect dialect)
        implements ArticleRepository {
    @Override
    public Article insert(NewArticle article) {
        long id = handle.insertReturningId("""
                        INSERT INTO articles (slug, title, description, body, author_id, created_at, updated_at)
                        VALUES (:slug, :title, :description, :body, :author, :createdAt, :createdAt)
                        RETURNING id""",
                Map.of("slug", article.slug().value(), "title", article.title().value(),
                        "description", article.description().value(), "body", article.body().value(),
                        "author", article.authorId().value(), "createdAt", timestamps.bind(article.createdAt())));
        handle.with(h -> {
            TagWriter.link(h, dialect, new ArticleId(id), article.tags());
            return null;
        });
        changes.saw(new ArticleId(id), article.slug());
        changes.article(article.slug());
        return new Article(new ArticleId(id), article.slug(), article.title(), article.description(), article.body(),
                article.tags(), article.authorId(), article.createdAt(), article.createdAt(), 0);
    }

    @Override
    public Optional<ArticleId> findIdBySlug(Slug slug) {
        Optional<ArticleId> id = handle.with(h -> h.createQuery("SELECT id FROM articles WHERE slug = :slug")
                .bind("slug", slug.value())
                .map((rs, ctx) -> new ArticleId(rs.getLong(1)))
                .findOne());
        id.ifPresent(found -> changes.saw(found, slug));
        return id;
    }

    @Override
    public Optional<Article> findBySlug(Slug slug) {
        Optional<Article> article = handle.with(h -> h.createQuery("""
                        SELECT id, slug, title, description, body, author_id, created_at, updated_at, favorites_count
                          FROM articles WHERE slug = :slug""")
                .bind("slug", slug.value())
                .map((rs, ctx) -> new Article(
                        new ArticleId(rs.getLong("id")),
                        new Slug(rs.getString("slug")),
                        new Title(rs.getString("title")),
                        new Description(rs.getString("description")),
                        new ArticleBody(rs.getString("body")),
                        TagList.EMPTY,
                        new UserId(rs.getLong("author_id")),
                        timestamps.read(rs, "created_at"),
                        timestamps.read(rs, "updated_at"),
                        rs.getLong("favorites_count")))
                .findOne()
                .map(found -> withTags(h, found)));
        article.ifPresent(found -> changes.saw(found.id(), found.slug()));
        return article;
    }

    @Override
    public boolean update(Article article) {
        boolean updated = handle.with(h -> {
            int rows = h.createUpdate("""
                            UPDATE articles SET title = :title, description = :description, body = :body,
                                                updated_at = :updatedAt
                             WHERE id = :id""")
                    .bind("id", article.id().value())
                    .bind("title", article.title().value())
                    .bind("description", article.description().value())
                    .bind("body", article.body().value())
                    .bind("updatedAt", timestamps.bind(article.updatedAt()))
                    .execute();
            if (rows == 1) {
                TagWriter.unlinkAll(h, article.id());
                TagWriter.link(h, dialect, article.id(), article.tags());
            }
            return rows == 1;
        });
        if (updated) {
            changes.article(article.slug());
        }
        return updated;
    }

    @Override
    public boolean delete(ArticleId id) {
        // Asked before the row goes: afterwards its slug is nowhere to be read.
        changes.articleGone(handle, id);
        // Comments, favorites and tag links go with it: ON DELETE CASCADE, in this same statement.
        return handle.with(h -> h.createUpdate("DELETE FROM articles WHERE id = :id")
                .bind("id", id.value())
                .execute()) == 1;
    }

    private static Article withTags(org.jdbi.v3.core.Handle h, Article article) {
        var names = h.createQuery("""
                        SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
                         WHERE at.article_id = :article""")
                .bind("article", article.id().value())
                .mapTo(String.class)
                .list();
        return new Article(article.id(), article.slug(), article.title(), article.description(), article.body(),
                TagList.of(names), article.authorId(), article.createdAt(), article.updatedAt(),
                article.favoritesCount());
    }
}
