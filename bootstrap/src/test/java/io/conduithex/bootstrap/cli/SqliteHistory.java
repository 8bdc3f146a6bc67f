package io.conduithex.bootstrap.cli;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Edits Flyway's schema history of a SQLite database behind the application's back, as a careless operator might. */
final class SqliteHistory {
    private SqliteHistory() {
    }

    static void execute(Path database, String sql) {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             var statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** What an edited migration file looks like from the database: a checksum that no longer matches. */
    static void tamperWithChecksumOf(Path database, String version) {
        execute(database, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '" + version + "'");
    }

    /** What a migration that failed half way leaves behind on a database without transactional DDL. */
    static void recordFailedMigration(Path database, String version) {
        execute(database, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                + " checksum, installed_by, execution_time, success) VALUES (100, '" + version + "', 'broken', 'SQL',"
                + " 'V" + version + "__broken.sql', 0, 'operator', 0, 0)");
    }
}
