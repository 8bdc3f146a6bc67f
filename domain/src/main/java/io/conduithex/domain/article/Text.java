package io.conduithex.domain.article;

import io.conduithex.domain.validation.InvalidValueException;

/** Shared rules for required free text. */
final class Text {
    private Text() {
    }

    /** The text stripped of surrounding white space; refused when blank or longer than {@code maxLength}. */
    static String required(String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("can't be blank");
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new InvalidValueException("is too long (maximum is " + maxLength + " characters)");
        }
        return stripped;
    }
}
