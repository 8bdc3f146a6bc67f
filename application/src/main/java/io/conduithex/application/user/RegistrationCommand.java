package io.conduithex.application.user;

import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.Password;
import io.conduithex.domain.user.Username;
import io.conduithex.domain.validation.FieldErrors;
import java.util.Objects;

/** A valid request to register; build it with {@link #of}, which reports every bad field at once. */
public record RegistrationCommand(Email email, Username username, Password password) {
    public RegistrationCommand {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** @throws io.conduithex.domain.validation.ValidationException naming each invalid field */
    public static RegistrationCommand of(String email, String username, String password) {
        var errors = FieldErrors.builder();
        var validEmail = errors.capture("email", () -> new Email(email));
        var validUsername = errors.capture("username", () -> new Username(username));
        var validPassword = errors.capture("password", () -> new Password(password));
        errors.throwIfAny();
        return new RegistrationCommand(validEmail, validUsername, validPassword);
    }
}
