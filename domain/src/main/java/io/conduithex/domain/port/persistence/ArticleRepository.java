package io.conduithex.domain.port.persistence;

import io.conduithex.domain.article.Article;
import io.conduithex.domain.article.ArticleId;
import io.conduithex.domain.article.NewArticle;
import io.conduithex.domain.article.Slug;
import java.util.Optional;

/**
 * Articles and their tags, bound to one transaction. Slugs are unique: inserting a taken one surfaces as a
 * {@link io.conduithex.domain.failure.ConstraintViolationException} of kind UNIQUE on table {@value #TABLE},
 * column {@value #SLUG}.
 */
public interface ArticleRepository {
    String TABLE = "articles";
    String SLUG = "slug";

    /** Stores a new article with its tags (creating tags not seen before) and returns it with its id. */
    Article insert(NewArticle article);

    Optional<Article> findBySlug(Slug slug);

    /** The id of the article with this slug: for work that only needs to refer to it, without reading it. */
    default Optional<ArticleId> findIdBySlug(Slug slug) {
        return findBySlug(slug).map(Article::id);
    }

    /** Stores title, description, body, tags and updatedAt; the slug and author never change. */
    boolean update(Article article);

    /** Deletes the article with its comments, favorites and tag links; false when it did not exist. */
    boolean delete(ArticleId id);
}
