package io.conduithex.adapter.jdbi.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the schema stands, as {@link Migrations#state()} reads it from one Flyway {@code info}: every migration
 * shipped or applied, in order, and the counts. The one value {@code info}, {@code doctor}, {@code validate} and
 * the admin diagnostics render; {@link #summary()} is the one wording of its counts.
 *
 * @param migrations     every migration shipped or applied, in order
 * @param currentVersion the version of the last applied migration, or null for an empty schema
 * @param applied        migrations applied successfully
 * @param pending        shipped migrations not applied yet
 * @param failed         applied migrations recorded as failed (they need {@code repair})
 */
public record SchemaState(List<MigrationRow> migrations, String currentVersion, int applied, int pending,
                          int failed) {
    /** How an empty schema's version reads. */
    static final String EMPTY = "<empty>";

    public SchemaState {
        migrations = List.copyOf(migrations);
    }

    /** A schema version for people: {@code <empty>} when there is none. */
    public static String label(String version) {
        return version == null ? EMPTY : version;
    }

    /** True when every shipped migration is applied and none failed. */
    public boolean current() {
        return pending == 0 && failed == 0;
    }

    /** The current version for people: {@code <empty>} for an empty schema. */
    public String versionLabel() {
        return label(currentVersion);
    }

    /** The counts in words: {@code 5 applied, 1 pending, 0 failed}. */
    public String summary() {
        return applied + " applied, " + pending + " pending, " + failed + " failed";
    }

    /** The admin diagnostics' migrations section: the counts, then every migration. */
    public Map<String, Object> asMap() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MigrationRow migration : migrations) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("version", migration.version());
            row.put("description", migration.description());
            row.put("state", migration.state());
            row.put("installedOn", migration.installedOn() == null ? null : migration.installedOn().toString());
            rows.add(row);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("currentVersion", currentVersion);
        result.put("applied", applied);
        result.put("pending", pending);
        result.put("failed", failed);
        result.put("migrations", rows);
        return result;
    }
}
