package io.conduithex.application.user;

import io.conduithex.domain.user.Bio;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.ImageUrl;
import io.conduithex.domain.user.Password;
import io.conduithex.domain.user.Username;
import io.conduithex.domain.validation.FieldErrors;
import io.conduithex.domain.validation.InvalidValueException;
import java.util.Objects;
import java.util.function.Function;

/**
 * A partial update of the current user. E-mail, username and password can be changed but not cleared;
 * bio and image can be cleared. Build it with {@link #of}, which reports every bad field at once.
 */
public record UserUpdateCommand(FieldChange<Email> email, FieldChange<Username> username,
                                FieldChange<Password> password, FieldChange<Bio> bio,
                                FieldChange<ImageUrl> image) {
    public UserUpdateCommand {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(bio, "bio");
        Objects.requireNonNull(image, "image");
    }

    /**
     * Builds the command from raw changes, where {@code SetTo("")} on bio or image means "clear it".
     *
     * @throws io.conduithex.domain.validation.ValidationException naming each invalid field
     */
    public static UserUpdateCommand of(FieldChange<String> email, FieldChange<String> username,
                                       FieldChange<String> password, FieldChange<String> bio,
                                       FieldChange<String> image) {
        var errors = FieldErrors.builder();
        var command = new UserUpdateCommand(
                required(errors, "email", email, Email::new),
                required(errors, "username", username, Username::new),
                required(errors, "password", password, Password::new),
                clearable(errors, "bio", bio, Bio::new),
                clearable(errors, "image", image, ImageUrl::new));
        errors.throwIfAny();
        return command;
    }

    public boolean changesNothing() {
        return email instanceof FieldChange.Unchanged && username instanceof FieldChange.Unchanged
                && password instanceof FieldChange.Unchanged && bio instanceof FieldChange.Unchanged
                && image instanceof FieldChange.Unchanged;
    }

    private static <T> FieldChange<T> required(FieldErrors.Builder errors, String field, FieldChange<String> raw,
                                               Function<String, T> factory) {
        if (raw instanceof FieldChange.Cleared) {
            errors.add(field, "can't be blank");
            return FieldChange.unchanged();
        }
        return convert(errors, field, raw, factory);
    }

    private static <T> FieldChange<T> clearable(FieldErrors.Builder errors, String field, FieldChange<String> raw,
                                                Function<String, T> factory) {
        if (raw instanceof FieldChange.SetTo<String> set && set.value().isBlank()) {
            return FieldChange.cleared();
        }
        return convert(errors, field, raw, factory);
    }

    private static <T> FieldChange<T> convert(FieldErrors.Builder errors, String field, FieldChange<String> raw,
                                              Function<String, T> factory) {
        try {
            return raw.map(factory);
        } catch (InvalidValueException e) {
            errors.add(field, e.getMessage());
            return FieldChange.unchanged();
        }
    }
}
