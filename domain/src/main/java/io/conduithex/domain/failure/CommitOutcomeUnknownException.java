package io.conduithex.domain.failure;

/**
 * The connection failed while COMMIT was in flight, so the work may or may not have been stored.
 * Never retried blindly: running the work again could apply it twice.
 */
public final class CommitOutcomeUnknownException extends PersistenceException {
    private static final long serialVersionUID = 1L;

    public CommitOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
