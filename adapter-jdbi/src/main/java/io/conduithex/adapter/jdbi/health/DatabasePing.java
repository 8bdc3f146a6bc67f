package io.conduithex.adapter.jdbi.health;

import io.conduithex.adapter.jdbi.Dialect;
import io.conduithex.application.health.HealthCheck;

/** Whether the database answers a trivial query on the probe connection within the probe timeout. */
final class DatabasePing implements HealthCheck {
    private final ProbeConnection probe;
    private final String query;

    DatabasePing(ProbeConnection probe, Dialect dialect) {
        this.probe = probe;
        // On SQLite "SELECT 1" never touches the file; reading the schema table does.
        this.query = dialect == Dialect.SQLITE ? "SELECT count(*) FROM sqlite_master" : "SELECT 1";
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Result check() {
        return probe.run(connection -> {
            try (var statement = connection.createStatement(); var rows = statement.executeQuery(query)) {
                rows.next();
                return Result.up(null);
            }
        });
    }
}
