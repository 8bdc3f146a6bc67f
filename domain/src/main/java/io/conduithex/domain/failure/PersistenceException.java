package io.conduithex.domain.failure;

/**
 * A database failure, already classified by the persistence adapter so that callers decide what to do
 * from the type alone: retry ({@link TransientPersistenceException}), report a conflict
 * ({@link ConstraintViolationException}), report unavailability ({@link DatabaseUnavailableException},
 * {@link QueryTimeoutException}, {@link CommitOutcomeUnknownException}) or treat it as a bug
 * ({@link UnexpectedPersistenceException}).
 *
 * <p>Messages are for operators: they may contain SQL and values, so they go to logs, never to clients.
 */
public abstract sealed class PersistenceException extends RuntimeException
        permits TransientPersistenceException, ConstraintViolationException, DatabaseUnavailableException,
                QueryTimeoutException, CommitOutcomeUnknownException, UnexpectedPersistenceException {
    private static final long serialVersionUID = 1L;

    protected PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
