package io.conduithex.adapter.jdbi.monitoring;

import io.conduithex.adapter.jdbi.migration.MigrationRow;
import io.conduithex.adapter.jdbi.migration.Migrations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The diagnostics' migrations section: what Flyway knows of the schema, as {@link Migrations#status()} reads it. */
final class MigrationStates {
    private MigrationStates() {
    }

    static Map<String, Object> of(Migrations migrations) {
        var status = migrations.status();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MigrationRow migration : status.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("version", migration.version());
            row.put("description", migration.description());
            row.put("state", migration.state());
            row.put("installedOn", migration.installedOn() == null ? null : migration.installedOn().toString());
            rows.add(row);
        }
        var summary = status.summary();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("currentVersion", summary.currentVersion());
        result.put("applied", summary.applied());
        result.put("pending", summary.pending());
        result.put("failed", summary.failed());
        result.put("migrations", rows);
        return result;
    }
}
