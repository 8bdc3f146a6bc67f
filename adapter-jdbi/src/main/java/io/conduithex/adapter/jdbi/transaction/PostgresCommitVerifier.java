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
 * so "in progress" is asked again a few times before the outcome is declared unknown.
 */
final class PostgresCommitVerifier implements CommitVerifier {
    private static final Logger log = LoggerFactory.getLogger(PostgresCommitVerifier.class);

    private static final int ATTEMPTS = 4;
    private static final Duration PAUSE = Duration.ofMillis(100);

    @Override
    public Receipt receipt(Handle handle) {
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
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                String status = status(id, pool);
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
                Thread.sleep(PAUSE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not ask the database about transaction {} after its COMMIT was lost: {}", id.xid(),
                    e.toString());
        }
        return Outcome.UNKNOWN;
    }

    private static String status(TransactionId id, Pool pool) {
        try (Handle handle = pool.open()) {
            return handle.createQuery("SELECT pg_xact_status(CAST(:xid AS xid8))")
                    .bind("xid", id.xid())
                    .mapTo(String.class)
                    .one();
        }
    }
}
