package io.conduithex.adapter.jdbi.seed;

import io.conduithex.domain.seed.SeedArticle;
import io.conduithex.domain.seed.SeedUser;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * How a dialect inserts many rows at once, inside the caller's transaction. Column lists are parallel: the
 * i-th elements of each form one row.
 */
interface SeedRows {

    void users(Handle h, List<SeedUser> users);

    void follows(Handle h, List<Long> followers, List<Long> followees);

    /** Inserts the tags that do not exist yet. */
    void tags(Handle h, Collection<String> names);

    /** Inserts the articles; their {@code favorites_count} is moved by a trigger as {@link #favorites} inserts. */
    void articles(Handle h, List<SeedArticle> articles);

    void articleTags(Handle h, List<Long> articles, List<Long> tags);

    void favorites(Handle h, List<Long> users, List<Long> articles);

    void comments(Handle h, List<Long> articles, List<Long> authors, List<String> bodies, List<Instant> createdAt);
}
