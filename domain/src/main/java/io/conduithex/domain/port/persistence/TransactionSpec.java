package io.conduithex.domain.port.persistence;

import java.util.Objects;

/**
 * What a unit of work asks of its transaction: a name for logs and metrics (the use case, a bounded set),
 * whether it only reads, and its isolation level.
 *
 * <p>{@link AccessMode#SINGLE_STATEMENT} is for work that is one writing statement and nothing else: the statement
 * commits by itself as it runs, with no BEGIN and no COMMIT sent, which saves their round trips on a hot path.
 * A second statement is refused, since it could not be atomic with the first; a connection lost while the
 * statement is in flight leaves its outcome unknown, as a lost COMMIT does. Nested in another unit of work, it
 * joins that transaction like any other.
 */
public record TransactionSpec(String name, AccessMode accessMode, Isolation isolation) {

    public enum AccessMode { READ_ONLY, READ_WRITE, SINGLE_STATEMENT }

    public TransactionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accessMode, "accessMode");
        Objects.requireNonNull(isolation, "isolation");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a transaction needs a name");
        }
    }

    public static TransactionSpec readOnly(String name) {
        return new TransactionSpec(name, AccessMode.READ_ONLY, Isolation.DEFAULT);
    }

    public static TransactionSpec readWrite(String name) {
        return new TransactionSpec(name, AccessMode.READ_WRITE, Isolation.DEFAULT);
    }

    /** Work of exactly one writing statement, committed as it runs (see the class comment). */
    public static TransactionSpec singleStatement(String name) {
        return new TransactionSpec(name, AccessMode.SINGLE_STATEMENT, Isolation.DEFAULT);
    }

    public TransactionSpec withIsolation(Isolation level) {
        return new TransactionSpec(name, accessMode, level);
    }

    public boolean isReadOnly() {
        return accessMode == AccessMode.READ_ONLY;
    }

    public boolean isSingleStatement() {
        return accessMode == AccessMode.SINGLE_STATEMENT;
    }
}
