package io.conduithex.adapter.jdbi.migration;

import io.conduithex.adapter.jdbi.values.MigrationResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.RepairOutput;
import org.flywaydb.core.api.output.ValidateOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Flyway operations on one database, in the application's terms: migrate, info, validate, repair. Each call
 * takes its own connection(s) and gives them back. Thread-safe, though Flyway's lock serializes migrate and repair.
 */
public final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private final Flyway flyway;

    public Migrations(Flyway flyway) {
        this.flyway = Objects.requireNonNull(flyway, "flyway");
    }

    /**
     * Applies pending migrations. The schema version afterwards and the newest shipped version come from one
     * {@code info} (each one scans the shipped migrations and reads the history table again).
     */
    public MigrationResult migrate() {
        var result = flyway.migrate();
        var info = flyway.info();
        String version = versionOf(info.current());
        log.info("Migrations: {} applied, schema now at version {}", result.migrationsExecuted,
                SchemaState.label(version));
        return new MigrationResult(result.migrationsExecuted, version, latestShipped(info.all()));
    }

    /**
     * Every migration and where the schema stands, from one {@code info} (each one scans the shipped migrations
     * and reads the history table again).
     */
    public SchemaState state() {
        var info = flyway.info();
        List<MigrationRow> rows = new ArrayList<>();
        int applied = 0;
        int pending = 0;
        int failed = 0;
        for (MigrationInfo migration : info.all()) {
            var state = migration.getState();
            if (state.isFailed()) {
                failed++;
            } else if (state.isApplied()) {
                applied++;
            } else if (state.isResolved()) {
                pending++;
            }
            rows.add(new MigrationRow(
                    migration.getVersion() == null ? null : migration.getVersion().getVersion(),
                    migration.getDescription(),
                    migration.getType() == null ? "" : migration.getType().name(),
                    migration.getInstalledOn() == null ? null : migration.getInstalledOn().toInstant(),
                    state.getDisplayName()));
        }
        return new SchemaState(rows, versionOf(info.current()), applied, pending, failed);
    }

    /**
     * Compares the applied migrations with the shipped ones: changed checksums, applied migrations no longer
     * shipped, shipped ones not applied, failed ones.
     *
     * @return one sentence per problem; empty when the database matches the application
     */
    public List<String> validate() {
        var result = flyway.validateWithResult();
        if (result.validationSuccessful) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (ValidateOutput invalid : result.invalidMigrations) {
            String what = invalid.version == null || invalid.version.isEmpty()
                    ? "repeatable migration " + invalid.description
                    : "migration " + invalid.version + " (" + invalid.description + ")";
            problems.add(what + ": " + oneLine(invalid.errorDetails == null ? "invalid"
                    : invalid.errorDetails.errorMessage));
        }
        if (problems.isEmpty()) {
            problems.add(oneLine(result.errorDetails == null ? "validation failed" : result.errorDetails.errorMessage));
        }
        return problems;
    }

    /**
     * Removes the records of failed migrations, realigns the checksums, descriptions and types of applied
     * migrations with the shipped ones, and marks applied migrations that are no longer shipped as deleted.
     *
     * @return one sentence per change; empty when there was nothing to repair
     */
    public List<String> repair() {
        var result = flyway.repair();
        List<String> actions = new ArrayList<>();
        describe(actions, "removed the failed entry of", result.migrationsRemoved);
        describe(actions, "marked as deleted (no longer shipped)", result.migrationsDeleted);
        describe(actions, "realigned the checksum and description of", result.migrationsAligned);
        log.info("Repair: {}", actions.isEmpty() ? "nothing to do" : actions);
        return actions;
    }

    private static String versionOf(MigrationInfo current) {
        return current == null || current.getVersion() == null ? null : current.getVersion().getVersion();
    }

    private static void describe(List<String> actions, String verb, List<RepairOutput> migrations) {
        if (migrations == null) {
            return;
        }
        for (RepairOutput migration : migrations) {
            actions.add(verb + " migration " + migration.version + " (" + migration.description + ")");
        }
    }

    /** Flyway's messages span lines (the checksums, then advice); an operator's report wants one per problem. */
    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R[\\s>-]*", "; ");
    }

    /** The newest migration version this build ships ("0" when it ships none). */
    public String latestShippedVersion() {
        return latestShipped(flyway.info().all());
    }

    private static String latestShipped(MigrationInfo[] all) {
        return Arrays.stream(all)
                .filter(migration -> migration.getState().isResolved() && migration.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .map(MigrationVersion::getVersion)
                .orElse("0");
    }
}
