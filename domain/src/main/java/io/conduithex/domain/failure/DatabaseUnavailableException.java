package io.conduithex.domain.failure;

/** No connection could be had in time: the pool is exhausted, or the database cannot be reached. */
public final class DatabaseUnavailableException extends PersistenceException {
    private static final long serialVersionUID = 1L;

    public enum Reason { POOL_EXHAUSTED, CANNOT_CONNECT, SHUTTING_DOWN }

    private final Reason reason;

    public DatabaseUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
