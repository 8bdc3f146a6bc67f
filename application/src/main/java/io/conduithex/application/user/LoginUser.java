package io.conduithex.application.user;

import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.domain.failure.AuthenticationException;
import io.conduithex.domain.port.security.PasswordHasher;
import io.conduithex.domain.user.Password;
import io.conduithex.domain.user.PasswordHash;
import io.conduithex.domain.user.User;
import jakarta.inject.Inject;
import java.util.Optional;

/** Checks an e-mail and password. Unknown e-mail and wrong password are one answer, in about the same time. */
public final class LoginUser {
    private final TransactionRunner transactions;
    private final PasswordHasher hasher;
    private final PasswordHash decoy;

    @Inject
    public LoginUser(TransactionRunner transactions, PasswordHasher hasher) {
        this.transactions = transactions;
        this.hasher = hasher;
        // Checked against when the e-mail is unknown, so response time does not reveal which accounts exist.
        this.decoy = hasher.hash(new Password("decoy-password-never-matches"));
    }

    public User login(LoginCommand command) {
        Optional<User> found = transactions.read("login-user", tx -> tx.users().findByEmail(command.email()));
        boolean matches = hasher.matches(command.password(), found.map(User::passwordHash).orElse(decoy));
        if (found.isEmpty() || !matches) {
            throw new AuthenticationException("email or password is invalid");
        }
        return found.get();
    }
}
