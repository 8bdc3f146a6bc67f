package io.conduithex.adapter.jdbi.migration;

/**
 * Where the schema stands.
 *
 * @param currentVersion the version of the last applied migration, or null for an empty schema
 * @param applied        migrations applied successfully
 * @param pending        shipped migrations not applied yet
 * @param failed         applied migrations recorded as failed (they need {@code repair})
 */
public record MigrationSummary(String currentVersion, int applied, int pending, int failed) {

    /** True when every shipped migration is applied and none failed. */
    public boolean current() {
        return pending == 0 && failed == 0;
    }
}
