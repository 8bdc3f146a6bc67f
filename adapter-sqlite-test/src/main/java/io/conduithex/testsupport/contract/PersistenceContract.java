package io.conduithex.testsupport.contract;

import io.conduithex.domain.port.persistence.Transaction;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.port.persistence.UnitOfWork;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.NewUser;
import io.conduithex.domain.user.PasswordHash;
import io.conduithex.domain.user.User;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.user.Username;
import io.conduithex.testsupport.LeakCheck;
import io.conduithex.testsupport.TestDatabase;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the port contract suites: a fresh database per test, and a leak check after each. A subclass per
 * adapter and dialect supplies the database.
 */
public abstract class PersistenceContract {

    protected TestDatabase database;

    /** A fresh, migrated database for one test. */
    protected abstract TestDatabase newDatabase();

    @BeforeEach
    final void openDatabase() {
        database = newDatabase();
    }

    @AfterEach
    final void checkForLeaksAndClose() {
        try {
            LeakCheck.assertNoActiveConnections(database.persistence());
        } finally {
            database.close();
        }
    }

    protected UnitOfWork unitOfWork() {
        return database.persistence().unitOfWork();
    }

    protected <R> R write(Function<Transaction, R> work) {
        return unitOfWork().inTransaction(TransactionSpec.readWrite("contract-write"), work::apply);
    }

    protected <R> R read(Function<Transaction, R> work) {
        return unitOfWork().inTransaction(TransactionSpec.readOnly("contract-read"), work::apply);
    }

    protected Optional<User> readUser(Function<Transaction, Optional<User>> query) {
        return read(query);
    }

    protected boolean readFlag(Function<Transaction, Boolean> query) {
        return read(query);
    }

    protected Set<UserId> readIds(Function<Transaction, Set<UserId>> query) {
        return read(query);
    }

    protected boolean writeFlag(Function<Transaction, Boolean> work) {
        return write(work);
    }

    protected static NewUser newUser(String name) {
        return new NewUser(new Email(name + "@example.com"), new Username(name), new PasswordHash("hash-of-" + name));
    }

    protected User registered(String name) {
        return write(tx -> tx.users().insert(newUser(name)));
    }

    protected boolean exists(String name) {
        return read(tx -> tx.users().findByUsername(new Username(name)).isPresent());
    }
}
