package io.conduithex.adapter.jdbi.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/** What Flyway knows of the schema: current version, applied and pending migrations. Reads only. */
final class MigrationStates {
    private MigrationStates() {
    }

    static Map<String, Object> of(DataSource dataSource, String location) {
        var info = Flyway.configure().dataSource(dataSource).locations(location).loggers("slf4j").load().info();
        List<Map<String, Object>> migrations = new ArrayList<>();
        int applied = 0;
        int pending = 0;
        for (MigrationInfo migration : info.all()) {
            MigrationState state = migration.getState();
            if (state.isApplied()) {
                applied++;
            } else if (state == MigrationState.PENDING) {
                pending++;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("version", migration.getVersion() == null ? null : migration.getVersion().getVersion());
            row.put("description", migration.getDescription());
            row.put("state", state.getDisplayName());
            row.put("installedOn", migration.getInstalledOn() == null ? null
                    : migration.getInstalledOn().toInstant().toString());
            migrations.add(row);
        }
        var current = info.current();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("currentVersion", current == null || current.getVersion() == null ? null
                : current.getVersion().getVersion());
        result.put("applied", applied);
        result.put("pending", pending);
        result.put("migrations", migrations);
        return result;
    }
}
