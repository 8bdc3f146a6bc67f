package io.conduithex.domain.port.persistence;

import io.conduithex.domain.article.Slug;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a committed unit of work may have changed, in the terms readers ask in: an article's own view (by slug),
 * the comments on an article (by its slug), any list of articles, or everything. It over-approximates, never
 * under: a change it does not name cannot have altered what a reader sees. Immutable.
 *
 * @param everything whether anything at all may have changed (a profile shown beside every article, say)
 * @param lists      whether any list of articles may have changed (an article written, deleted or favorited)
 * @param articles   articles whose own view may have changed
 * @param commentsOn articles whose comments may have changed
 */
public record CommittedChanges(boolean everything, boolean lists, Set<Slug> articles, Set<Slug> commentsOn) {

    public static final CommittedChanges NOTHING = new CommittedChanges(false, false, Set.of(), Set.of());
    public static final CommittedChanges EVERYTHING = new CommittedChanges(true, true, Set.of(), Set.of());

    public CommittedChanges {
        articles = Set.copyOf(Objects.requireNonNull(articles, "articles"));
        commentsOn = Set.copyOf(Objects.requireNonNull(commentsOn, "commentsOn"));
    }

    /** Whether a reader could tell this commit happened: false for follows, registrations and read-only work. */
    public boolean isEmpty() {
        return !everything && !lists && articles.isEmpty() && commentsOn.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the changes of one transaction as its statements run. Not thread-safe: one transaction's. */
    public static final class Builder {
        private boolean everything;
        private boolean lists;
        private final Set<Slug> articles = new HashSet<>();
        private final Set<Slug> commentsOn = new HashSet<>();

        private Builder() {
        }

        public Builder everything() {
            everything = true;
            return this;
        }

        public Builder lists() {
            lists = true;
            return this;
        }

        /** The article's own view changed; so may every list that shows it. */
        public Builder article(Slug slug) {
            articles.add(Objects.requireNonNull(slug, "slug"));
            lists = true;
            return this;
        }

        public Builder commentsOn(Slug slug) {
            commentsOn.add(Objects.requireNonNull(slug, "slug"));
            return this;
        }

        public boolean isEmpty() {
            return !everything && !lists && articles.isEmpty() && commentsOn.isEmpty();
        }

        public CommittedChanges build() {
            if (everything) {
                return EVERYTHING;
            }
            return isEmpty() ? NOTHING : new CommittedChanges(false, lists, articles, commentsOn);
        }
    }
}
