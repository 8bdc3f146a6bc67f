package io.conduithex.adapter.jdbi.seed;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** How a dialect sends many rows of one table at once, inside the caller's transaction. */
interface SeedInsert {

    /**
     * Inserts {@code rows} into {@code table}, each row's values read by {@code columns}; nothing when there are
     * no rows.
     *
     * @param onConflict what the statement does with a row that conflicts: an ON CONFLICT clause, or empty
     */
    <T> void rows(Handle h, String table, List<T> rows, List<SeedColumn<T>> columns, String onConflict);
}
