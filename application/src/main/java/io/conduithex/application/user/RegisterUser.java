package io.conduithex.application.user;

import java.util.List;
import io.conduithex.domain.audit.AuditAction;
import io.conduithex.application.audit.AuditTrail;
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
public record RegisterUser(TransactionRunner transactions, PasswordHasher hasher, AuditTrail audit) {
    private static final List<String> FIELDS = List.of("email", "username", "password");

    @Inject
    public RegisterUser {
    }

    public User register(RegistrationCommand command) {
        return register(prepare(command));
    }

    /**
     * The user to store, its password hashed. Hashing is deliberately slow: callers that open a unit of work
     * around {@link #register(NewUser)} (an idempotent request) call this first, so that no connection is held
     * while it runs.
     */
    public NewUser prepare(RegistrationCommand command) {
        return new NewUser(command.email(), command.username(), hasher.hash(command.password()));
    }

    public User register(NewUser newUser) {
        try {
            return transactions.write("register-user", tx -> {
                var user = tx.users().insert(newUser);
                audit.recordAnonymous(tx, AuditAction.USER_REGISTERED, user.id().value(), FIELDS);
                return user;
            });
        } catch (ConstraintViolationException e) {
            throw TakenUserFields.translate(e);
        }
    }
}
