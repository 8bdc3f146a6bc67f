package io.conduithex.domain.user;

/** The database identity of a user. */
public record UserId(long value) {
    public UserId {
        if (value <= 0) {
            throw new IllegalArgumentException("user id must be positive, was " + value);
        }
    }
}
