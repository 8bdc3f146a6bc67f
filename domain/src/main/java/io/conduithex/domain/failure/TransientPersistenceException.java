package io.conduithex.domain.failure;

/**
 * A failure that says nothing about the work itself: running the whole unit of work again, from its
 * start, may succeed. The transaction was rolled back (or never committed), so a retry cannot double a write.
 */
public final class TransientPersistenceException extends PersistenceException {
    private static final long serialVersionUID = 1L;

    /** Why the database gave up on the transaction; used as a bounded metric tag. */
    public enum Cause {
        DEADLOCK,
        SERIALIZATION_FAILURE,
        /** The connection broke before COMMIT was sent. */
        CONNECTION_LOST,
        /**
         * Another connection held a lock past the wait allowed: SQLite's busy timeout, MariaDB's lock wait timeout,
         * PostgreSQL's {@code lock_timeout}.
         */
        BUSY
    }

    private final Cause reason;

    public TransientPersistenceException(Cause reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Cause reason() {
        return reason;
    }
}
