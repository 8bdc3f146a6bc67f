package io.conduithex.domain.failure;

/** A database error that no rule explains: bad SQL, a missing table, a driver fault. A bug until shown otherwise. */
public final class UnexpectedPersistenceException extends PersistenceException {
    private static final long serialVersionUID = 1L;

    public UnexpectedPersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
