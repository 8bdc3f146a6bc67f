package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.pool.Pool;
import java.time.Duration;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks PostgreSQL (13 or later) about a lost commit with {@code pg_xact_status}. The transaction id is read
 * before COMMIT with {@code pg_current_xact_id_if_assigned()}, which assigns none: a transaction that wrote
 * nothing has no id, and losing its COMMIT lost nothing.
 *
 * <p>A backend whose client vanished mid-COMMIT may still be finishing (or waiting for a synchronous standby),
 * so "in progress" is asked again a few times before the outcome is declared unknown; so is a question whose
 * own connection failed.
 */
final class PostgresCommitVerifier implements CommitVerifier {
    private static final Logger log = LoggerFactory.getLogger(PostgresCommitVerifier.class);

    private static final int ATTEMPTS = 4;
    private static final Duration PAUSE = Duration.ofMillis(100);
    /** No question starts later than this after the first, so a database that is down holds the caller little. */
    private static final Duration ASKING_TIME = Duration.ofSeconds(1);

    @Override
    public Receipt receipt(Handle handle, TransactionIdNote known) {
        if (known.noted().isPresent()) {
            return new TransactionId(known.noted().get());
        }
        String xid = handle.createQuery("SELECT pg_current_xact_id_if_assigned()::text")
                .mapTo(String.class)
                .one();
        return xid == null ? new NothingWritten() : new TransactionId(xid);
    }

    @Override
    public Outcome outcome(Receipt receipt, Pool pool) {
        if (receipt instanceof NothingWritten) {
            return Outcome.NOTHING_TO_LOSE;
        }
        if (!(receipt instanceof TransactionId id)) {
            return Outcome.UNKNOWN;
        }
        return outcome(id, xid -> status(xid, pool));
    }

    /**
     * Asks up to {@link #ATTEMPTS} times within {@link #ASKING_TIME}: while the transaction is still in
     * progress, and when the question itself fails. Whatever lost the committing connection (a restart, an
     * operator terminating the application's sessions) may take the next connection too; that is no answer, so
     * it is asked again on another one.
     */
    Outcome outcome(TransactionId id, StatusQuery query) {
        RuntimeException lastFailure = null;
        long deadline = System.nanoTime() + ASKING_TIME.toNanos();
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                if (attempt > 1) {
                    Thread.sleep(PAUSE.toMillis());
                    if (System.nanoTime() - deadline > 0) {
                        break;
                    }
                }
                String status;
                try {
                    status = query.status(id.xid());
                } catch (RuntimeException e) {
                    lastFailure = e;
                    continue;
                }
                lastFailure = null;
                if ("committed".equals(status)) {
                    return Outcome.COMMITTED;
                }
                if ("aborted".equals(status)) {
                    return Outcome.ABORTED;
                }
                if (status == null) {
                    // The id is older than the commit log the server keeps: it cannot say any more.
                    return Outcome.UNKNOWN;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (lastFailure != null) {
            log.warn("Could not ask the database about transaction {} after its COMMIT was lost: {}", id.xid(),
                    lastFailure.toString());
        }
        return Outcome.UNKNOWN;
    }

    /** {@code pg_xact_status} of a transaction id, asked on a connection of its own. */
    @FunctionalInterface
    interface StatusQuery {
        String status(String xid);
    }

    private static String status(String xid, Pool pool) {
        try (Handle handle = pool.open()) {
            return handle.createQuery("SELECT pg_xact_status(CAST(:xid AS xid8))")
                    .bind("xid", xid)
                    .mapTo(String.class)
                    .one();
        }
    }
}
