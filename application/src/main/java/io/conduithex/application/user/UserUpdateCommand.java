package io.conduithex.application.user;

import java.util.List;
import java.util.Map;
import io.conduithex.application.command.FieldChange;
import io.conduithex.application.command.FieldChanges;
import io.conduithex.domain.user.Bio;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.ImageUrl;
import io.conduithex.domain.user.Password;
import io.conduithex.domain.user.Username;
import io.conduithex.domain.validation.FieldErrors;
import io.conduithex.domain.validation.Required;
import java.util.function.Function;

/**
 * A partial update of the current user. E-mail, username and password can be changed but not cleared: an
 * empty or null one leaves the field as it is, since settings forms (the official Angular client's among them)
 * send every field, and an empty password field means "no new password". A blank one with spaces in it is still
 * refused. Bio and image can be cleared, with an empty or null value. Build it with {@link #of}, which reports
 * every bad field at once.
 */
public record UserUpdateCommand(FieldChange<Email> email, FieldChange<Username> username,
                                FieldChange<Password> password, FieldChange<Bio> bio,
                                FieldChange<ImageUrl> image) {
    public UserUpdateCommand {
        Required.nonNull("email", email, "username", username, "password", password, "bio", bio, "image", image);
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
                FieldChanges.required(errors, "email", givenOnly(email), Email::new),
                FieldChanges.required(errors, "username", givenOnly(username), Username::new),
                FieldChanges.required(errors, "password", givenOnly(password), Password::new),
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

    /** An empty or null value of a field that cannot be cleared is no change at all. */
    /** The names of the fields this update sets or clears, in the API's spelling. */
    public List<String> changedFields() {
        return FieldChange.changedAmong(Map.entry("email", email), Map.entry("username", username),
                Map.entry("password", password), Map.entry("bio", bio), Map.entry("image", image));
    }

    private static FieldChange<String> givenOnly(FieldChange<String> raw) {
        boolean empty = raw instanceof FieldChange.SetTo<String> set && set.value().isEmpty();
        return empty || raw instanceof FieldChange.Cleared ? FieldChange.unchanged() : raw;
    }

    private static <T> FieldChange<T> clearable(FieldErrors.Builder errors, String field, FieldChange<String> raw,
                                                Function<String, T> factory) {
        if (raw instanceof FieldChange.SetTo<String> set && set.value().isBlank()) {
            return FieldChange.cleared();
        }
        return FieldChanges.convert(errors, field, raw, factory);
    }
}
