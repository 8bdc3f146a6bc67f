package io.conduithex.domain.user;

import java.util.Objects;

/** A user about to be registered: everything but the identity the database assigns. */
public record NewUser(Email email, Username username, PasswordHash passwordHash) {
    public NewUser {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }
}
