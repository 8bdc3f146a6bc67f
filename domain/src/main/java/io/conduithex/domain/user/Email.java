package io.conduithex.domain.user;

import io.conduithex.domain.validation.InvalidValueException;
import io.conduithex.domain.validation.Text;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address as the user typed it, trimmed. Two addresses that differ only in letter case are
 * the same account: {@link #normalized()} is what uniqueness and login compare.
 */
public record Email(String value) {
    public static final int MAX_LENGTH = 254;
    // Deliberately loose: one @, no spaces, no control characters, a dot in the domain. Deliverability is not
    // ours to decide, but an address with a control character in it is no address (RFC 5321), and would carry
    // that character into every log line and mail header it is written to.
    private static final Pattern SHAPE =
            Pattern.compile("^[^@\\s\\p{Cc}]+@[^@\\s\\p{Cc}]+\\.[^@\\s\\p{Cc}]+$");

    public Email {
        value = Text.required(value, MAX_LENGTH);
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("is invalid");
        }
    }

    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }
}
