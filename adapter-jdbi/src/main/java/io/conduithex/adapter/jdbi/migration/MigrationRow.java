package io.conduithex.adapter.jdbi.migration;

import java.time.Instant;

/**
 * One line of {@code info}: a migration shipped with the application, applied to the database, or both.
 *
 * @param version     the version, or null for a repeatable migration
 * @param description what the migration does, from its file name
 * @param type        SQL, JDBC, BASELINE...
 * @param installedOn when it was applied, or null while pending
 * @param state       Flyway's state in words: Pending, Success, Failed, Missing...
 */
public record MigrationRow(String version, String description, String type, Instant installedOn, String state) {
}
