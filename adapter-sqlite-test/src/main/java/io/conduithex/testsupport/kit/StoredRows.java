package io.conduithex.testsupport.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads what is stored straight from a database with plain SQL, outside the application's pool and units of work:
 * for arranging a test's checks on rows, never through the code under test. Each read opens a connection of its
 * own and closes it, unless the rows are read {@link #on(Connection) on a connection the caller owns} (one inside
 * a transaction, or a superuser's). A failed read is an {@link IllegalStateException} naming the SQL.
 */
public final class StoredRows {

    /** Where the connections come from. */
    @FunctionalInterface
    private interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;
    private final boolean closeEach;

    private StoredRows(Connections connections, boolean closeEach) {
        this.connections = connections;
        this.closeEach = closeEach;
    }

    /** The rows of a test database, each read on a new connection ({@link TestDatabase#connect()}). */
    public static StoredRows of(TestDatabase database) {
        Objects.requireNonNull(database, "database");
        return new StoredRows(database::connect, true);
    }

    /** The rows at a JDBC URL that needs no credentials (an SQLite file), each read on a new connection. */
    public static StoredRows at(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        return new StoredRows(() -> DriverManager.getConnection(jdbcUrl), true);
    }

    /** The rows as {@code connection} sees them; it stays open, and its owner closes it. */
    public static StoredRows on(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        return new StoredRows(() -> connection, false);
    }

    /** The single number {@code sql} answers (a count, an id), its {@code ?} bound to {@code parameters} in order. */
    public long count(String sql, Object... parameters) {
        return query(sql, parameters, result -> {
            assertThat(result.next()).as("a row from %s", sql).isTrue();
            return result.getLong(1);
        });
    }

    /** The single text {@code sql} answers, its {@code ?} bound to {@code parameters} in order. */
    public String text(String sql, Object... parameters) {
        return query(sql, parameters, result -> {
            assertThat(result.next()).as("a row from %s", sql).isTrue();
            return result.getString(1);
        });
    }

    /** The answer of a two-column {@code sql}: the first column (as text) mapped to the second (a number). */
    public Map<String, Long> numbersBy(String sql) {
        return query(sql, new Object[0], result -> {
            Map<String, Long> numbers = new HashMap<>();
            while (result.next()) {
                numbers.put(result.getString(1), result.getLong(2));
            }
            return numbers;
        });
    }

    /** Every row {@code sql} answers, each its columns as text joined with '|', sorted. */
    public List<String> rows(String sql) {
        return query(sql, new Object[0], result -> {
            int columns = result.getMetaData().getColumnCount();
            List<String> rows = new ArrayList<>();
            while (result.next()) {
                var row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(c == 1 ? "" : "|").append(result.getString(c));
                }
                rows.add(row.toString());
            }
            rows.sort(null);
            return List.copyOf(rows);
        });
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(ResultSet result) throws SQLException;
    }

    private <T> T query(String sql, Object[] parameters, Reader<T> reader) {
        try {
            if (!closeEach) {
                return query(connections.open(), sql, parameters, reader);
            }
            try (Connection connection = connections.open()) {
                return query(connection, sql, parameters, reader);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read with: " + sql, e);
        }
    }

    private static <T> T query(Connection connection, String sql, Object[] parameters, Reader<T> reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return reader.read(result);
            }
        }
    }
}
