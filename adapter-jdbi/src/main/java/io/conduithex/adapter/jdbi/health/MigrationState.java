package io.conduithex.adapter.jdbi.health;

import io.conduithex.application.health.HealthCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Whether the schema is at the latest version this build ships, read from Flyway's history table on the probe
 * connection. DOWN when a migration is pending or failed; UP with a note when the schema is newer than this
 * build (a rolling deployment in which a newer instance migrated first: forward-only migrations keep the
 * older instances working, so they stay in service).
 *
 * <p>It reads the history table itself instead of asking Flyway for the schema's state ({@code Migrations#state},
 * which {@code info}, {@code doctor} and the diagnostics render): Flyway scans the shipped migrations and logs
 * on every call and opens its own connection, while a readiness probe runs every few seconds, on the probe
 * connection, within the probe timeout. Only the newest shipped version comes from Flyway, once per process.
 */
final class MigrationState implements HealthCheck {
    static final String HISTORY_TABLE = "flyway_schema_history";

    private final ProbeConnection probe;
    private final Supplier<String> latestShipped;
    private final BooleanSupplier databaseJustFailed;

    /**
     * @param latestShipped      the newest migration version in this build; may be asked more than once
     * @param databaseJustFailed whether the ping failed a moment ago, in which case this check reports DOWN at
     *                           once instead of waiting out its own timeout (a readiness round stays within one
     *                           probe timeout while the database is gone)
     */
    MigrationState(ProbeConnection probe, Supplier<String> latestShipped, BooleanSupplier databaseJustFailed) {
        this.probe = probe;
        this.latestShipped = latestShipped;
        this.databaseJustFailed = databaseJustFailed;
    }

    @Override
    public String name() {
        return "migrations";
    }

    @Override
    public Result check() {
        if (databaseJustFailed.getAsBoolean()) {
            return Result.down("not checked: the database did not answer the ping");
        }
        return probe.run(this::inspect);
    }

    private Result inspect(Connection connection) throws SQLException {
        MigrationVersion applied = null;
        String failed = null;
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT version, success FROM " + HISTORY_TABLE
                     + " WHERE version IS NOT NULL")) {
            while (rows.next()) {
                var version = MigrationVersion.fromVersion(rows.getString(1));
                if (!rows.getBoolean(2)) {
                    failed = version.getVersion();
                } else if (applied == null || version.compareTo(applied) > 0) {
                    applied = version;
                }
            }
        } catch (SQLException e) {
            // Most likely no history table yet: nothing was ever migrated. Any other cause is reported as it is.
            return Result.down("cannot read the migration history: " + ProbeConnection.describe(e));
        }
        var latest = MigrationVersion.fromVersion(latestShipped.get());
        if (failed != null) {
            return Result.down("migration " + failed + " failed; repair the schema history before serving");
        }
        if (applied == null) {
            return Result.down("no migration applied; latest is " + latest.getVersion());
        }
        int comparison = applied.compareTo(latest);
        if (comparison < 0) {
            return Result.down("schema at version " + applied.getVersion() + ", migrations pending up to "
                    + latest.getVersion());
        }
        if (comparison > 0) {
            return Result.up("schema at version " + applied.getVersion() + ", newer than this build's "
                    + latest.getVersion());
        }
        return Result.up("schema at version " + applied.getVersion());
    }
}
