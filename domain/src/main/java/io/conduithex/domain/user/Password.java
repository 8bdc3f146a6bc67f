package io.conduithex.domain.user;

import io.conduithex.domain.validation.InvalidValueException;
import java.nio.charset.StandardCharsets;

/**
 * A plain-text password on its way to be hashed or checked. Never stored, never printed:
 * {@link #toString()} is masked so that a log line or an exception message cannot leak it.
 */
public final class Password {
    public static final int MIN_LENGTH = 8;
    /** bcrypt reads at most 72 bytes; a longer password would be silently truncated, so it is refused. */
    public static final int MAX_BYTES = 72;

    private final String value;

    public Password(String value) {
        // Spaces alone are no secret: eight of them meet the length rule and are the first thing an attacker tries.
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("can't be blank");
        }
        if (value.codePointCount(0, value.length()) < MIN_LENGTH) {
            throw new InvalidValueException("is too short (minimum is " + MIN_LENGTH + " characters)");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidValueException("is too long (maximum is " + MAX_BYTES + " bytes)");
        }
        this.value = value;
    }

    /**
     * A password given at login, checked against a stored hash only. Not subject to the length rules, so
     * that tightening the rules never locks out a user whose password met the old ones.
     */
    public static Password forLogin(String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException("can't be blank");
        }
        return new Password(value, true);
    }

    private Password(String value, boolean unchecked) {
        this.value = value;
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Password[****]";
    }
}
