package io.conduithex.adapter.jdbi.transaction;

import java.sql.SQLException;

/**
 * Whether a failure is a lock wait that ran out of time: PostgreSQL's {@code lock_not_available} (55P03, past
 * {@code lock_timeout}) or MariaDB's error 1205 (past {@code innodb_lock_wait_timeout}).
 */
final class LockWaitTimeout {
    private static final String POSTGRES_LOCK_NOT_AVAILABLE = "55P03";
    private static final int MARIADB_LOCK_WAIT_TIMEOUT = 1205;

    private LockWaitTimeout() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (POSTGRES_LOCK_NOT_AVAILABLE.equals(sql.getSQLState())
                    || sql.getErrorCode() == MARIADB_LOCK_WAIT_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }
}
