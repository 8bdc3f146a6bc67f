package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.pool.Pool;
import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.domain.failure.QueryTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A handle lent from a pool for one outermost transaction, and whether its connection was given up. Owned by the
 * thread running the unit of work; not thread-safe. A connection whose state is unknown (a failed rollback or
 * close, a lost COMMIT) is discarded, never lent again.
 */
final class Lease {
    private static final Logger log = LoggerFactory.getLogger(Lease.class);

    final Pool pool;
    final Handle handle;
    private boolean discarded;

    Lease(Pool pool, Handle handle) {
        this.pool = pool;
        this.handle = handle;
    }

    /** Evicts the connection from its pool; an eviction that fails rides on {@code failure}. Idempotent. */
    void discard(Throwable failure) {
        if (discarded) {
            return;
        }
        discarded = true;
        try {
            pool.discard(handle.getConnection());
        } catch (RuntimeException evictFailure) {
            failure.addSuppressed(evictFailure);
        }
    }

    /**
     * Rolls back after {@code failure}. A rollback that fails rides on it as suppressed and costs the connection;
     * on a connection the driver already knows is closed (the server ended the session) there is nothing to roll
     * back, the database ended the transaction with it.
     */
    void rollbackAfter(Throwable failure, Dialect dialect) {
        if (connectionIsClosed()) {
            discard(failure);
            return;
        }
        try {
            handle.rollback();
        } catch (RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
            if (dialect == Dialect.SQLITE && failure instanceof QueryTimeoutException) {
                // An interrupted SQLite statement ends its whole transaction, so there was nothing to roll back.
                log.debug("The interrupted statement ended its transaction; replacing the connection");
            } else {
                log.warn("Rollback failed after {}; discarding the connection", failure.getClass().getSimpleName(),
                        rollbackFailure);
            }
            discard(failure);
        }
    }

    /** Gives the handle back; a connection that fails to close is discarded. */
    void close() {
        try {
            handle.close();
        } catch (RuntimeException e) {
            if (discarded) {
                // Already reported and evicted: the close can only fail for the same reason.
                return;
            }
            // The connection may still be in a transaction: never lend it again.
            log.warn("Closing a handle failed; discarding its connection", e);
            discard(e);
        }
    }

    /** Whether the driver has closed the connection under the pool's proxy (a fatal error ended it). */
    private boolean connectionIsClosed() {
        try {
            return handle.getConnection().unwrap(Connection.class).isClosed();
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
