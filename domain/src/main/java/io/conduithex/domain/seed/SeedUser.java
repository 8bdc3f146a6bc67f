package io.conduithex.domain.seed;

import io.conduithex.domain.user.Bio;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.ImageUrl;
import io.conduithex.domain.user.PasswordHash;
import io.conduithex.domain.user.Username;
import java.util.Objects;

/** A generated user; {@code bio} and {@code image} may be null, as for a user who never set them. */
public record SeedUser(Username username, Email email, PasswordHash passwordHash, Bio bio, ImageUrl image) {

    public SeedUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }
}
