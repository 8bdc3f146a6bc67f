package io.conduithex.domain.port.persistence;

import io.conduithex.domain.user.UserId;
import java.util.Collection;
import java.util.Set;

/** Who follows whom, bound to one transaction. Following and unfollowing are idempotent. */
public interface FollowRepository {

    /** Records that {@code follower} follows {@code followee}; doing it twice changes nothing. */
    void follow(UserId follower, UserId followee);

    /** Removes the follow, if any. */
    void unfollow(UserId follower, UserId followee);

    boolean isFollowing(UserId follower, UserId followee);

    /** Of {@code candidates}, those that {@code follower} follows, in one query whatever their number. */
    Set<UserId> followedAmong(UserId follower, Collection<UserId> candidates);
}
