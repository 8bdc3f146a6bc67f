package io.conduithex.domain.port.persistence;

import io.conduithex.domain.user.UserId;
import java.util.Collection;
import java.util.Set;

/** Who follows whom, bound to one transaction. Following and unfollowing are idempotent. */
public interface FollowRepository {

    /**
     * Records that {@code follower} follows {@code followee}; returns false when the follow existed (and then
     * changes nothing).
     */
    boolean follow(UserId follower, UserId followee);

    /** Removes the follow; returns false when there was none (and then changes nothing). */
    boolean unfollow(UserId follower, UserId followee);

    boolean isFollowing(UserId follower, UserId followee);

    /** Of {@code candidates}, those that {@code follower} follows, in one query whatever their number. */
    Set<UserId> followedAmong(UserId follower, Collection<UserId> candidates);
}
