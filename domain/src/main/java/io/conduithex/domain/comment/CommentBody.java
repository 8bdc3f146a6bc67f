package io.conduithex.domain.comment;

import io.conduithex.domain.validation.InvalidValueException;

/** The text of a comment. */
public record CommentBody(String value) {
    public static final int MAX_LENGTH = 10_000;

    public CommentBody {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("can't be blank");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("is too long (maximum is " + MAX_LENGTH + " characters)");
        }
    }
}
