package io.conduithex.application.user;

import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.domain.failure.ConstraintViolationException;
import io.conduithex.domain.port.security.PasswordHasher;
import io.conduithex.domain.user.NewUser;
import io.conduithex.domain.user.User;
import jakarta.inject.Inject;

/**
 * Registers a user. The unique constraints decide whether the e-mail or username is taken (no read
 * first), so concurrent registrations of one e-mail end with exactly one user and field errors for the rest.
 */
public record RegisterUser(TransactionRunner transactions, PasswordHasher hasher) {
    @Inject
    public RegisterUser {
    }

    public User register(RegistrationCommand command) {
        // Hashing is deliberately slow; do it before taking a connection, not while holding one.
        var hash = hasher.hash(command.password());
        var newUser = new NewUser(command.email(), command.username(), hash);
        try {
            return transactions.write("register-user", tx -> tx.users().insert(newUser));
        } catch (ConstraintViolationException e) {
            throw TakenUserFields.translate(e);
        }
    }
}
