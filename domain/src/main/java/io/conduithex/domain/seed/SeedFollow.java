package io.conduithex.domain.seed;

import io.conduithex.domain.user.UserId;
import java.util.Objects;

/** {@code follower} follows {@code followee}; never oneself. */
public record SeedFollow(UserId follower, UserId followee) {

    public SeedFollow {
        Objects.requireNonNull(follower, "follower");
        Objects.requireNonNull(followee, "followee");
        if (follower.equals(followee)) {
            throw new IllegalArgumentException("a user cannot follow themselves: " + follower);
        }
    }
}
