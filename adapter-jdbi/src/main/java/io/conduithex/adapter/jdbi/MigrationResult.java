package io.conduithex.adapter.jdbi;

/**
 * What a migration run did.
 *
 * @param applied        migrations applied by this run
 * @param currentVersion the schema version afterwards, or null for an empty schema
 */
public record MigrationResult(int applied, String currentVersion) {
}
