package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.pool.PoolFactory;
import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.values.Pooler;
import io.conduithex.domain.port.persistence.Isolation;
import org.jdbi.v3.core.Handle;

/**
 * The limits a connection normally carries from its start ({@code statement_timeout},
 * {@code idle_in_transaction_session_timeout}) and the isolation level, set inside each transaction instead, for
 * connections through PgBouncer in transaction mode: there a session setting would stay on the server connection
 * for its next client, and one made outside the transaction may land on another server connection altogether.
 * Costs one statement per transaction.
 */
final class TransactionLimits {
    private final String statementTimeout;
    private final String idleInTransactionTimeout;

    private TransactionLimits(DatabaseSettings settings) {
        this.statementTimeout = settings.statementTimeout().toMillis() + "ms";
        this.idleInTransactionTimeout = PoolFactory.idleInTransactionMillis(settings) + "ms";
    }

    /** The limits to set per transaction, or null when the connections carry them already. */
    static TransactionLimits of(DatabaseSettings settings) {
        return settings.pooler() == Pooler.PGBOUNCER ? new TransactionLimits(settings) : null;
    }

    /** Right after BEGIN: {@code set_config(..., true)} is {@code SET LOCAL}, gone when the transaction ends. */
    void apply(Handle handle, Isolation isolation) {
        if (isolation != Isolation.DEFAULT) {
            // First: the isolation level can only be set before the transaction's first query.
            handle.execute("SET TRANSACTION ISOLATION LEVEL " + switch (isolation) {
                case DEFAULT, READ_COMMITTED -> "READ COMMITTED";
                case REPEATABLE_READ -> "REPEATABLE READ";
                case SERIALIZABLE -> "SERIALIZABLE";
            });
        }
        handle.createQuery("SELECT set_config('statement_timeout', :statement, true) AS statement_timeout,"
                        + " set_config('idle_in_transaction_session_timeout', :idle, true) AS idle_timeout")
                .bind("statement", statementTimeout).bind("idle", idleInTransactionTimeout).mapToMap().one();
    }
}
