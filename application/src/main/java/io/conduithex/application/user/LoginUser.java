package io.conduithex.application.user;

import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.domain.failure.BadCredentialsException;
import io.conduithex.domain.port.security.PasswordHasher;
import io.conduithex.domain.user.Password;
import io.conduithex.domain.user.PasswordHash;
import io.conduithex.domain.user.User;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Checks an e-mail and password. Unknown e-mail and wrong password are one answer
 * ({@link BadCredentialsException}), in about the same time. What costs the server most, the password hash, is
 * refused before anything else is done when it cannot help: after too many failures from the caller's address
 * ({@link FailedLogins}), or when hashing is at capacity. Thread-safe. A class rather than a record like the
 * other use cases: it keeps the decoy hash it makes on first use.
 */
public final class LoginUser {
    private final TransactionRunner transactions;
    private final PasswordHasher hasher;
    private final FailedLogins failures;
    /** Checked against when the e-mail is unknown, so response time does not reveal which accounts exist. */
    private volatile PasswordHash decoy;

    @Inject
    public LoginUser(TransactionRunner transactions, PasswordHasher hasher, FailedLogins failures) {
        this.transactions = transactions;
        this.hasher = hasher;
        this.failures = failures;
    }

    /**
     * @param address where the attempt comes from (the client's network address), for counting failures
     * @throws io.conduithex.domain.failure.TooManyAttemptsException after too many failures from {@code address}
     * @throws io.conduithex.domain.failure.OverloadedException when password hashing is at capacity
     */
    public User login(LoginCommand command, String address) {
        FailedLogins.Attempt attempt = failures.attempt(command.email(), address);
        User user;
        try {
            user = check(command);
        } catch (RuntimeException failure) {
            // Wrong credentials stay counted; anything else (busy, the database failed) judged no password.
            if (!(failure instanceof BadCredentialsException)) {
                attempt.withdraw();
            }
            throw failure;
        }
        attempt.succeeded();
        return user;
    }

    private User check(LoginCommand command) {
        hasher.ensureCapacity();
        // Before the lookup, whatever it finds: the first login pays for the decoy whether the e-mail is known or not.
        PasswordHash decoy = decoy();
        Optional<User> found = transactions.read("login-user", tx -> tx.users().findByEmail(command.email()));
        boolean matches = hasher.matches(command.password(), found.map(User::passwordHash).orElse(decoy));
        if (found.isEmpty() || !matches) {
            throw new BadCredentialsException();
        }
        return found.get();
    }

    /**
     * Hashed on first use rather than when the use case is built: a bcrypt hash on a JVM that has not compiled
     * bcrypt yet takes a good part of a second, which the server's start should not wait for.
     */
    private PasswordHash decoy() {
        PasswordHash made = decoy;
        if (made == null) {
            synchronized (this) {
                made = decoy;
                if (made == null) {
                    made = hasher.hash(new Password("decoy-password-never-matches"));
                    decoy = made;
                }
            }
        }
        return made;
    }
}
