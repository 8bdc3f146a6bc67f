package io.conduithex.domain.article;

import io.conduithex.domain.validation.InvalidValueException;
import io.conduithex.domain.validation.Text;

/** A tag name, as written (tags are compared exactly, so "dragons" and "Dragons" are two tags). */
public record Tag(String value) implements Comparable<Tag> {
    public static final int MAX_LENGTH = 50;

    public Tag {
        value = Text.required(value, MAX_LENGTH);
        if (Text.hasControlCharacter(value)) {
            throw new InvalidValueException("is invalid");
        }
    }

    @Override
    public int compareTo(Tag other) {
        return value.compareTo(other.value);
    }
}
