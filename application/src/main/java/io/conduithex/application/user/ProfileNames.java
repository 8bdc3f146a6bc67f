package io.conduithex.application.user;

import io.conduithex.domain.failure.NotFoundException;
import io.conduithex.domain.user.Username;
import io.conduithex.domain.validation.InvalidValueException;

/** Usernames taken from a URL: a name that could never be registered names no profile. */
final class ProfileNames {
    private ProfileNames() {
    }

    static Username parse(String raw) {
        try {
            return new Username(raw);
        } catch (InvalidValueException e) {
            throw new NotFoundException("profile");
        }
    }
}
