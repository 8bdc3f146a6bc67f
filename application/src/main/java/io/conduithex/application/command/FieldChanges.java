package io.conduithex.application.command;

import io.conduithex.domain.validation.FieldErrors;
import io.conduithex.domain.validation.InvalidValueException;
import java.util.function.Function;

/**
 * Turns raw partial-update fields into validated ones, recording each rejection under its field instead of
 * throwing, so that one request reports every bad field at once. A rejected field comes back unchanged.
 */
public final class FieldChanges {
    private FieldChanges() {
    }

    /** A field that may be changed but not cleared: clearing it is reported as "can't be blank". */
    public static <T> FieldChange<T> required(FieldErrors.Builder errors, String field, FieldChange<String> raw,
                                              Function<String, T> factory) {
        if (raw instanceof FieldChange.Cleared) {
            errors.add(field, "can't be blank");
            return FieldChange.unchanged();
        }
        return convert(errors, field, raw, factory);
    }

    /** Builds the new value with {@code factory}; its rejection is recorded under {@code field}. */
    public static <S, T> FieldChange<T> convert(FieldErrors.Builder errors, String field, FieldChange<S> raw,
                                                Function<S, T> factory) {
        try {
            return raw.map(factory);
        } catch (InvalidValueException e) {
            errors.add(field, e.getMessage());
            return FieldChange.unchanged();
        }
    }
}
