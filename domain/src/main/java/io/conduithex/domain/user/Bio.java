package io.conduithex.domain.user;

import io.conduithex.domain.validation.InvalidValueException;

/** Free text about a user. */
public record Bio(String value) {
    public static final int MAX_LENGTH = 4000;

    public Bio {
        if (value == null) {
            throw new InvalidValueException("can't be null");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("is too long (maximum is " + MAX_LENGTH + " characters)");
        }
    }
}
