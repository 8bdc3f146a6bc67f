package io.conduithex.adapter.jdbi.seed;

import static java.util.stream.Collectors.joining;

import io.conduithex.adapter.jdbi.sql.Timestamps;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * One prepared statement per table, executed as a JDBC batch. On SQLite that is a tight native loop over one
 * compiled statement on the one writer connection, as fast as SQLite inserts get.
 */
final class BatchedSeedRows implements SeedInsert {
    private final Timestamps timestamps;

    BatchedSeedRows(Timestamps timestamps) {
        this.timestamps = timestamps;
    }

    @Override
    public <T> void rows(Handle h, String table, List<T> rows, List<SeedColumn<T>> columns, String onConflict) {
        if (rows.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO " + table
                + " (" + columns.stream().map(SeedColumn::name).collect(joining(", ")) + ")"
                + " VALUES (" + columns.stream().map(column -> ":" + column.name()).collect(joining(", ")) + ")"
                + onConflict);
        for (T row : rows) {
            for (SeedColumn<T> column : columns) {
                Object value = column.value().apply(row);
                batch.bind(column.name(), column.kind() == SeedColumn.Kind.INSTANT
                        ? timestamps.bind((Instant) value) : value);
            }
            batch.add();
        }
        batch.execute();
    }
}
