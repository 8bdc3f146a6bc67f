package io.conduithex.application.fakes;

import io.conduithex.domain.port.persistence.FollowRepository;
import io.conduithex.domain.user.UserId;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Follows as a set of pairs; following and unfollowing are idempotent. */
public final class InMemoryFollowRepository implements FollowRepository {

    record Follow(UserId follower, UserId followee) {
    }

    record Snapshot(Set<Follow> follows) {
    }

    private final Runnable beforeWrite;
    private Set<Follow> follows = new HashSet<>();

    InMemoryFollowRepository(Runnable beforeWrite) {
        this.beforeWrite = beforeWrite;
    }

    @Override
    public boolean follow(UserId follower, UserId followee) {
        beforeWrite.run();
        return follows.add(new Follow(follower, followee));
    }

    @Override
    public boolean unfollow(UserId follower, UserId followee) {
        beforeWrite.run();
        return follows.remove(new Follow(follower, followee));
    }

    @Override
    public boolean isFollowing(UserId follower, UserId followee) {
        return follows.contains(new Follow(follower, followee));
    }

    @Override
    public Set<UserId> followedAmong(UserId follower, Collection<UserId> candidates) {
        return candidates.stream().filter(c -> isFollowing(follower, c)).collect(Collectors.toSet());
    }

    /** How many follow pairs are stored. */
    public int count() {
        return follows.size();
    }

    Snapshot snapshot() {
        return new Snapshot(new HashSet<>(follows));
    }

    void restore(Snapshot snapshot) {
        follows = new HashSet<>(snapshot.follows());
    }
}
