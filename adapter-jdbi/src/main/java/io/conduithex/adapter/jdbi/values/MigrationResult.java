package io.conduithex.adapter.jdbi.values;

/**
 * What a migration run did.
 *
 * @param applied              migrations applied by this run
 * @param currentVersion       the schema version afterwards, or null for an empty schema
 * @param latestShippedVersion the newest migration version this build ships ("0" when it ships none)
 */
public record MigrationResult(int applied, String currentVersion, String latestShippedVersion) {
}
