package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.domain.failure.ConstraintViolationException;
import java.util.function.BooleanSupplier;

/**
 * An insert that does nothing when its row exists, and says whether it inserted. PostgreSQL and SQLite have
 * {@code ON CONFLICT DO NOTHING}. MariaDB has none, and its {@code ON DUPLICATE KEY UPDATE} counts an existing row
 * as changed (the driver counts found rows), so there the row is inserted only when absent
 * ({@code INSERT ... SELECT ... WHERE NOT EXISTS}); a concurrent twin that slips in between fails on the primary
 * key, which on MariaDB fails that statement alone.
 */
final class InsertIfAbsent {
    private InsertIfAbsent() {
    }

    /**
     * @param portable the {@code ON CONFLICT DO NOTHING} insert; true when it inserted
     * @param mariaDb   the insert of the absent row; true when it inserted
     */
    static boolean run(Dialect dialect, BooleanSupplier portable, BooleanSupplier mariaDb) {
        return dialect == Dialect.MARIADB ? onMariaDb(mariaDb) : portable.getAsBoolean();
    }

    /** @param insert the insert of the absent row; true when it inserted */
    static boolean onMariaDb(BooleanSupplier insert) {
        try {
            return insert.getAsBoolean();
        } catch (ConstraintViolationException e) {
            // The tables inserted into this way have no unique key but their primary key: the same row, concurrently.
            if (e.kind() == ConstraintViolationException.Kind.UNIQUE) {
                return false;
            }
            throw e;
        }
    }
}
