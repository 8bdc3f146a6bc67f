package io.conduithex.bootstrap.cli;

/**
 * Edits Flyway's schema history of the database a {@link CommandLineRun} is configured for, behind the application's
 * back, as a careless operator might; the same SQL on every database.
 */
final class MigrationHistory {
    private MigrationHistory() {
    }

    /** What an edited migration file looks like from the database: a checksum that no longer matches. */
    static void tamperWithChecksumOf(CommandLineRun cli, String version) {
        cli.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '" + version + "'");
    }

    /** What a migration that failed half way leaves behind on a database without transactional DDL. */
    static void recordFailedMigration(CommandLineRun cli, String version) {
        cli.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                + " checksum, installed_by, execution_time, success) VALUES (100, '" + version + "', 'broken', 'SQL',"
                + " 'V" + version + "__broken.sql', 0, 'operator', 0, FALSE)");
    }
}
