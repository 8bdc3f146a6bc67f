package io.conduithex.domain.idempotency;

import io.conduithex.domain.user.UserId;
import java.util.Objects;

/**
 * Whose keys a key is compared with: a signed-in user's own, or for registration, the one anonymous write,
 * every registration's (a client registering makes its key unique). One user's key never meets another's.
 */
public record KeyScope(String value) {

    public static final KeyScope REGISTRATION = new KeyScope("registration");

    public KeyScope {
        Objects.requireNonNull(value, "value");
    }

    public static KeyScope of(UserId user) {
        return new KeyScope("user:" + user.value());
    }
}
