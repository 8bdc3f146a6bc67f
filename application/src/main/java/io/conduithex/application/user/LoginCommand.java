package io.conduithex.application.user;

import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.Password;
import io.conduithex.domain.validation.FieldErrors;
import java.util.Objects;

/** A request to log in with e-mail and password. */
public record LoginCommand(Email email, Password password) {
    public LoginCommand {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
    }

    /** @throws io.conduithex.domain.validation.ValidationException naming each missing or malformed field */
    public static LoginCommand of(String email, String password) {
        var errors = FieldErrors.builder();
        var validEmail = errors.capture("email", () -> new Email(email));
        var validPassword = errors.capture("password", () -> Password.forLogin(password));
        errors.throwIfAny();
        return new LoginCommand(validEmail, validPassword);
    }
}
