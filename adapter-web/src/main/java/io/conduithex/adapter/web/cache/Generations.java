package io.conduithex.adapter.web.cache;

import io.conduithex.domain.article.Slug;
import io.conduithex.domain.port.persistence.CommittedChanges;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * When each kind of answer last changed, on one counter that every change moves forward: an answer read from a
 * generation older than the latest change to anything it depends on may predate that change, and is not to be
 * served. A read takes the generation before its transaction begins, so one that began before a commit's report
 * can never pass for one that began after it, however the two interleave.
 *
 * <p>Articles and comments are tracked per slug, spread over a fixed number of stripes so that memory stays
 * bounded whatever the number of slugs: two slugs on one stripe change together, which costs a read, never a stale
 * answer. Lock-free and thread-safe.
 */
final class Generations {
    private static final int STRIPES = 4096;

    private final AtomicLong clock = new AtomicLong();
    private final AtomicLong everything = new AtomicLong();
    private final AtomicLong lists = new AtomicLong();
    private final AtomicLongArray articles = new AtomicLongArray(STRIPES);
    private final AtomicLongArray comments = new AtomicLongArray(STRIPES);

    /** The generation a read that begins now belongs to. */
    long current() {
        return clock.get();
    }

    /** Records that {@code changes} were committed. */
    void changed(CommittedChanges changes) {
        if (changes.everything()) {
            everythingChanged();
            return;
        }
        long now = clock.incrementAndGet();
        if (changes.lists()) {
            raise(lists, now);
        }
        for (Slug slug : changes.articles()) {
            raise(articles, stripe(slug.value()), now);
        }
        for (Slug slug : changes.commentsOn()) {
            raise(comments, stripe(slug.value()), now);
        }
    }

    void everythingChanged() {
        raise(everything, clock.incrementAndGet());
    }

    /** Whether nothing {@code key}'s answer depends on changed since generation {@code read}. */
    boolean unchangedSince(long read, ReadKey key) {
        if (read < everything.get()) {
            return false;
        }
        if (key instanceof ReadKey.ListPage) {
            return read >= lists.get();
        }
        if (key instanceof ReadKey.ArticleView view) {
            return read >= articles.get(stripe(view.slug()));
        }
        if (key instanceof ReadKey.CommentsOn on) {
            return read >= comments.get(stripe(on.slug()));
        }
        // A profile shows a username, bio and image: only a user's update changes it, and that changes everything.
        return true;
    }

    private static int stripe(String slug) {
        int hash = slug.hashCode();
        return (hash ^ (hash >>> 16)) & (STRIPES - 1);
    }

    private static void raise(AtomicLong marker, long generation) {
        marker.accumulateAndGet(generation, Math::max);
    }

    private static void raise(AtomicLongArray markers, int index, long generation) {
        markers.accumulateAndGet(index, generation, Math::max);
    }
}
