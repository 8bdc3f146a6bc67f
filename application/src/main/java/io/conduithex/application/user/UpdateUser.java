package io.conduithex.application.user;

import io.conduithex.domain.audit.AuditAction;
import io.conduithex.application.audit.AuditTrail;
import io.conduithex.application.command.FieldChange;
import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.domain.failure.ConstraintViolationException;
import io.conduithex.domain.port.security.PasswordHasher;
import io.conduithex.domain.user.PasswordHash;
import io.conduithex.domain.user.User;
import io.conduithex.domain.user.UserId;
import jakarta.inject.Inject;

/** Applies a partial update to the current user; a new e-mail or username must not be taken. */
public record UpdateUser(TransactionRunner transactions, PasswordHasher hasher, AuditTrail audit) {
    @Inject
    public UpdateUser {
    }

    public User update(UserId id, UserUpdateCommand command) {
        FieldChange<PasswordHash> newHash = command.password().map(hasher::hash);
        try {
            return transactions.write("update-user", tx -> {
                var current = Callers.require(tx, id);
                if (command.changesNothing()) {
                    return current;
                }
                var updated = new User(id,
                        command.email().applyTo(current.email()),
                        command.username().applyTo(current.username()),
                        newHash.applyTo(current.passwordHash()),
                        command.bio().applyTo(current.bio()),
                        command.image().applyTo(current.image()));
                if (!tx.users().update(updated)) {
                    throw Callers.gone();
                }
                audit.record(tx, id, AuditAction.USER_UPDATED, id.value(), command.changedFields());
                return updated;
            });
        } catch (ConstraintViolationException e) {
            throw TakenUserFields.translate(e);
        }
    }
}
