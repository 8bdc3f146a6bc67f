package io.conduithex.domain.user;

import io.conduithex.domain.validation.Required;
import java.util.Optional;

/** A registered user. Immutable: changes produce a new value that a repository stores. */
public record User(UserId id, Email email, Username username, PasswordHash passwordHash, Bio bio, ImageUrl image) {
    public User {
        Required.nonNull("id", id, "email", email, "username", username, "passwordHash", passwordHash);
    }

    public Optional<Bio> bioIfAny() {
        return Optional.ofNullable(bio);
    }

    public Optional<ImageUrl> imageIfAny() {
        return Optional.ofNullable(image);
    }

    public Profile profileAsSeenBy(boolean following) {
        return new Profile(username, bio, image, following);
    }
}
