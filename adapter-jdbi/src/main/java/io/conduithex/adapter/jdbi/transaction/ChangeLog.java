package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.domain.article.ArticleId;
import io.conduithex.domain.article.Slug;
import io.conduithex.domain.comment.CommentId;
import io.conduithex.domain.port.persistence.CommittedChanges;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one transaction's repositories changed so far, as readers would see it, for the unit of work to report
 * once it commits. Readers ask for articles by slug while writers often hold only an article's id, so the slug of
 * every article the transaction looked up or wrote is kept; a slug it never saw is asked for, in the transaction.
 *
 * <p>A log that {@link #ignoring() ignores} everything (nobody listens, or the work only reads) asks nothing and
 * records nothing. Changes made under a savepoint that later rolled back stay recorded: reporting more than what
 * was committed costs a reader a trip to the database, never a stale answer. Confined to the transaction's thread.
 */
final class ChangeLog {
    private static final ChangeLog IGNORING = new ChangeLog(null);

    private final CommittedChanges.Builder changes;
    private final Map<ArticleId, Slug> slugs;

    private ChangeLog(CommittedChanges.Builder changes) {
        this.changes = changes;
        this.slugs = changes == null ? Map.of() : new HashMap<>();
    }

    static ChangeLog recording() {
        return new ChangeLog(CommittedChanges.builder());
    }

    static ChangeLog ignoring() {
        return IGNORING;
    }

    boolean isRecording() {
        return changes != null;
    }

    /** The transaction saw that {@code id} is the article named {@code slug}. */
    void saw(ArticleId id, Slug slug) {
        if (changes != null) {
            slugs.put(id, slug);
        }
    }

    /** The article's own view, and the lists, may have changed. */
    void article(Slug slug) {
        if (changes != null) {
            changes.article(slug);
        }
    }

    /** As {@link #article(Slug)}, for an article known by id. */
    void article(GuardedHandle handle, ArticleId id) {
        if (changes != null) {
            slugOf(handle, id).ifPresentOrElse(changes::article, changes::everything);
        }
    }

    /** The article is about to be deleted: its view, its comments and the lists change. */
    void articleGone(GuardedHandle handle, ArticleId id) {
        if (changes != null) {
            slugOf(handle, id).ifPresentOrElse(slug -> changes.article(slug).commentsOn(slug), changes::everything);
        }
    }

    /** The comments on the article changed. */
    void commentsOn(GuardedHandle handle, ArticleId id) {
        if (changes != null) {
            slugOf(handle, id).ifPresentOrElse(changes::commentsOn, changes::everything);
        }
    }

    /** The comment is about to be deleted: the comments on its article change. */
    void commentGone(GuardedHandle handle, CommentId id) {
        if (changes == null) {
            return;
        }
        Optional<Slug> slug = handle.with(h -> h.createQuery("""
                        SELECT a.slug FROM comments c JOIN articles a ON a.id = c.article_id WHERE c.id = :id""")
                .bind("id", id.value())
                .mapTo(String.class)
                .findOne()
                .map(Slug::new));
        // No such comment: the delete will change nothing.
        slug.ifPresent(changes::commentsOn);
    }

    /** Something every view may show changed (a username, a bio, an image). */
    void everything() {
        if (changes != null) {
            changes.everything();
        }
    }

    CommittedChanges committed() {
        return changes == null ? CommittedChanges.NOTHING : changes.build();
    }

    private Optional<Slug> slugOf(GuardedHandle handle, ArticleId id) {
        Slug known = slugs.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Slug> asked = handle.with(h -> h.createQuery("SELECT slug FROM articles WHERE id = :id")
                .bind("id", id.value())
                .mapTo(String.class)
                .findOne()
                .map(Slug::new));
        asked.ifPresent(slug -> slugs.put(id, slug));
        return asked;
    }
}
