package io.conduithex.domain.port.persistence;

import java.util.Objects;

/**
 * What a unit of work asks of its transaction: a name for logs and metrics (the use case, a bounded set),
 * whether it only reads, and its isolation level.
 */
public record TransactionSpec(String name, AccessMode accessMode, Isolation isolation) {

    public enum AccessMode { READ_ONLY, READ_WRITE }

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

    public TransactionSpec withIsolation(Isolation level) {
        return new TransactionSpec(name, accessMode, level);
    }

    public boolean isReadOnly() {
        return accessMode == AccessMode.READ_ONLY;
    }
}
