package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.testsupport.TestDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads what is stored straight from the database under the application, with plain SQL on a connection of its own. */
final class StoredRows {
    private final TestDatabase database;

    StoredRows(TestDatabase database) {
        this.database = database;
    }

    /** The single number {@code sql} answers, its {@code ?} bound to {@code parameters} in order. */
    long count(String sql, Object... parameters) {
        return single(sql, parameters, result -> result.getLong(1));
    }

    /** The single text {@code sql} answers, its {@code ?} bound to {@code parameters} in order. */
    String text(String sql, Object... parameters) {
        return single(sql, parameters, result -> result.getString(1));
    }

    private <T> T single(String sql, Object[] parameters, Column<T> column) {
        try (var connection = database.connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var result = statement.executeQuery()) {
                assertThat(result.next()).as("a row from %s", sql).isTrue();
                return column.read(result);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read with: " + sql, e);
        }
    }

    @FunctionalInterface
    private interface Column<T> {
        T read(ResultSet result) throws SQLException;
    }
}
