package io.conduithex.domain.failure;

/**
 * No connection could be had in time: the pool is exhausted, the database cannot be reached, or it refuses
 * the login (wrong credentials or a role that may not log in, which waiting will not fix).
 */
public final class DatabaseUnavailableException extends PersistenceException {
    private static final long serialVersionUID = 1L;

    public enum Reason { POOL_EXHAUSTED, CANNOT_CONNECT, LOGIN_REFUSED, SHUTTING_DOWN }

    private final Reason reason;

    public DatabaseUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
