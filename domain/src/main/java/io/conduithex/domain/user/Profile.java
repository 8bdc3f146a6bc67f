package io.conduithex.domain.user;

import java.util.Objects;

/** A user as another user sees them; {@code following} is always false for an anonymous viewer. */
public record Profile(Username username, Bio bio, ImageUrl image, boolean following) {
    public Profile {
        Objects.requireNonNull(username, "username");
    }
}
