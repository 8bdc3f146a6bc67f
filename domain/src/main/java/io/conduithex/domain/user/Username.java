package io.conduithex.domain.user;

import io.conduithex.domain.validation.InvalidValueException;
import io.conduithex.domain.validation.Strings;
import io.conduithex.domain.validation.Text;
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
        if (!isPlainAscii(value)) {
            value = checked(value);
        }
    }

    private static String checked(String value) {
        String stripped = Text.required(value, MAX_LENGTH);
        if (!SHAPE.matcher(stripped).matches()) {
            throw new InvalidValueException("is invalid (use letters, digits, '_', '-' and '.')");
        }
        return stripped;
    }

    /** The common case, without the regular expression: at most the length, of ASCII letters, digits, "_.-". */
    private static boolean isPlainAscii(String value) {
        if (!Strings.hasPlainEnds(value) || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }
}
