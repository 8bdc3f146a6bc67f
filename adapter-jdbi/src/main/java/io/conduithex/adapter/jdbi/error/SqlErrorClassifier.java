package io.conduithex.adapter.jdbi.error;

import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.domain.failure.PersistenceException;
import java.sql.SQLException;

/**
 * Turns whatever the driver, the pool or JDBI threw into one of the domain's persistence failures.
 * Implementations are stateless and thread-safe; one exists per dialect.
 */
public interface SqlErrorClassifier {

    /** The classifier for a dialect's errors. */
    static SqlErrorClassifier of(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresErrorClassifier();
            case SQLITE -> new SqliteErrorClassifier();
            case MARIADB -> new MariaDbErrorClassifier();
        };
    }

    /** Classifies {@code failure}, keeping it as the cause. Never returns null. */
    PersistenceException classify(Throwable failure, Phase phase);

    /** Whether {@code failure} was caused by a database or pool error that this classifier should judge. */
    static boolean isDatabaseError(Throwable failure) {
        return firstSqlException(failure) != null || failure instanceof org.jdbi.v3.core.JdbiException;
    }

    /** Whether the driver gave up waiting for the server to answer (its socket timeout), anywhere in the chain. */
    static boolean isSocketTimeout(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The first {@link SQLException} in the cause chain, or null. */
    static SQLException firstSqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
