package io.conduithex.bootstrap.http;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every row of every table of the schema, read with plain JDBC on a connection of its own, outside the
 * application's pool and transactions. Comparing two readings shows whether anything at all was written in
 * between: a row added or removed, and also a row changed in place, which counting alone would miss.
 *
 * @param rowsByTable each table's rows, each row its columns joined with '|', sorted
 */
record DatabaseRows(Map<String, List<String>> rowsByTable) {
    static final List<String> TABLES =
            List.of("users", "follows", "articles", "tags", "article_tags", "favorites", "comments");

    DatabaseRows {
        rowsByTable = Map.copyOf(rowsByTable);
    }

    static DatabaseRows read(String jdbcUrl) {
        var rows = new LinkedHashMap<String, List<String>>();
        try (var connection = DriverManager.getConnection(jdbcUrl);
             var statement = connection.createStatement()) {
            for (String table : TABLES) {
                var tableRows = new ArrayList<String>();
                try (var result = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        var row = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            row.append(c == 1 ? "" : "|").append(result.getString(c));
                        }
                        tableRows.add(row.toString());
                    }
                }
                tableRows.sort(null);
                rows.put(table, List.copyOf(tableRows));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the test database", e);
        }
        return new DatabaseRows(rows);
    }

    /** How many rows each table holds, in schema order. */
    Map<String, Integer> counts() {
        var counts = new LinkedHashMap<String, Integer>();
        TABLES.forEach(table -> counts.put(table, rowsByTable.get(table).size()));
        return counts;
    }
}
