package io.conduithex.domain.failure;

/** A statement ran past the statement timeout and was cancelled; its transaction was rolled back. */
public final class QueryTimeoutException extends PersistenceException {
    private static final long serialVersionUID = 1L;

    public QueryTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
