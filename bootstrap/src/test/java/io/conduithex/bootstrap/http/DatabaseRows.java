package io.conduithex.bootstrap.http;

import io.conduithex.testsupport.TestDatabase;
import io.conduithex.testsupport.kit.StoredRows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every row of every table of the schema, read with {@link StoredRows}, outside the application's pool and
 * transactions. Comparing two readings shows whether anything at all was written in
 * between: a row added or removed, and also a row changed in place, which counting alone would miss.
 *
 * @param rowsByTable each table's rows, each row its columns joined with '|', sorted
 */
record DatabaseRows(Map<String, List<String>> rowsByTable) {
    static final List<String> TABLES =
            List.of("users", "follows", "articles", "tags", "article_tags", "favorites", "comments",
                    "idempotency_keys", "audit_events");

    DatabaseRows {
        rowsByTable = Map.copyOf(rowsByTable);
    }

    static DatabaseRows read(TestDatabase database) {
        var stored = StoredRows.of(database);
        var rows = new LinkedHashMap<String, List<String>>();
        TABLES.forEach(table -> rows.put(table, stored.rows("SELECT * FROM " + table)));
        return new DatabaseRows(rows);
    }

    /** How many rows each table holds, in schema order. */
    Map<String, Integer> counts() {
        var counts = new LinkedHashMap<String, Integer>();
        TABLES.forEach(table -> counts.put(table, rowsByTable.get(table).size()));
        return counts;
    }
}
