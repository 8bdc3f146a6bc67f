package io.conduithex.domain.user;

import io.conduithex.domain.validation.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A public handle that appears in URLs ({@code /api/profiles/{username}}): letters, digits, '_', '-'
 * and '.', at most {@value #MAX_LENGTH} characters. Unique regardless of letter case.
 */
public record Username(String value) {
    public static final int MAX_LENGTH = 40;
    private static final Pattern SHAPE = Pattern.compile("^[\\p{L}\\p{N}_.-]+$");

    public Username {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("can't be blank");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("is too long (maximum is " + MAX_LENGTH + " characters)");
        }
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("is invalid (use letters, digits, '_', '-' and '.')");
        }
    }

    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }
}
