package io.conduithex.domain.article;

import io.conduithex.domain.validation.InvalidValueException;
import io.conduithex.domain.validation.Strings;

/** A tag name, as written (tags are compared exactly, so "dragons" and "Dragons" are two tags). */
public record Tag(String value) implements Comparable<Tag> {
    public static final int MAX_LENGTH = 50;

    public Tag {
        if (!Strings.hasPlainEnds(value)) {
            if (value == null || value.isBlank()) {
                throw new InvalidValueException("can't be blank");
            }
            value = value.strip();
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("is too long (maximum is " + MAX_LENGTH + " characters)");
        }
        if (Text.hasControlCharacter(value)) {
            throw new InvalidValueException("is invalid");
        }
    }

    @Override
    public int compareTo(Tag other) {
        return value.compareTo(other.value);
    }
}
