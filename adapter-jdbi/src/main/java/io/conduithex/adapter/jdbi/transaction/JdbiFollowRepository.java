package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.domain.port.persistence.FollowRepository;
import io.conduithex.domain.user.UserId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Follows in table {@code follows}, keyed by (follower, followee). Follows are not noted as changes: what they
 * alter ({@code following} on a profile, {@code author.following} in a view, the feed) depends on who asks, and
 * an anonymous reader, the only one whose answers are kept, always sees {@code following} false.
 */
record JdbiFollowRepository(GuardedHandle handle, Dialect dialect) implements FollowRepository {
    private static final String FOLLOW = """
            INSERT INTO follows (follower_id, followee_id) VALUES (:follower, :followee)
            ON CONFLICT DO NOTHING""";
    /** See {@link InsertIfAbsent}. */
    private static final String MARIADB_FOLLOW = """
            INSERT INTO follows (follower_id, followee_id)
            SELECT :follower, :followee FROM DUAL
             WHERE NOT EXISTS (SELECT 1 FROM follows WHERE follower_id = :follower AND followee_id = :followee)""";

    @Override
    public boolean follow(UserId follower, UserId followee) {
        return InsertIfAbsent.run(dialect, () -> change(FOLLOW, follower, followee),
                () -> change(MARIADB_FOLLOW, follower, followee));
    }

    @Override
    public boolean unfollow(UserId follower, UserId followee) {
        return change("DELETE FROM follows WHERE follower_id = :follower AND followee_id = :followee", follower,
                followee);
    }

    private boolean change(String sql, UserId follower, UserId followee) {
        return handle.with(h -> h.createUpdate(sql)
                .bind("follower", follower.value())
                .bind("followee", followee.value())
                .execute()) == 1;
    }

    @Override
    public boolean isFollowing(UserId follower, UserId followee) {
        return handle.with(h -> h.createQuery(
                        "SELECT COUNT(*) FROM follows WHERE follower_id = :follower AND followee_id = :followee")
                .bind("follower", follower.value())
                .bind("followee", followee.value())
                .mapTo(Integer.class)
                .one()) > 0;
    }

    @Override
    public Set<UserId> followedAmong(UserId follower, Collection<UserId> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        List<Long> ids = candidates.stream().map(UserId::value).distinct().toList();
        List<Long> followed = handle.with(h -> h.createQuery(
                        "SELECT followee_id FROM follows WHERE follower_id = :follower AND followee_id IN (<ids>)")
                .bind("follower", follower.value())
                .bindList("ids", ids)
                .mapTo(Long.class)
                .list());
        Set<UserId> result = new HashSet<>();
        followed.forEach(id -> result.add(new UserId(id)));
        return Set.copyOf(result);
    }
}
