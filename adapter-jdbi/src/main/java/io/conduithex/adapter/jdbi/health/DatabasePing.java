package io.conduithex.adapter.jdbi.health;

import io.conduithex.adapter.jdbi.pool.RecentFailure;
import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.application.health.HealthCheck;
import java.time.Duration;

/** Whether the database answers a trivial query on the probe connection within the probe timeout. */
final class DatabasePing implements HealthCheck {
    private final ProbeConnection probe;
    private final String query;
    private final RecentFailure<Result> lastFailure;

    /** @param recent how long after a failed ping {@link #failedRecently()} says so */
    DatabasePing(ProbeConnection probe, Dialect dialect, Duration recent) {
        this.probe = probe;
        this.lastFailure = new RecentFailure<>(recent);
        // On SQLite "SELECT 1" never touches the file; reading the schema table does.
        this.query = dialect == Dialect.SQLITE ? "SELECT count(*) FROM sqlite_master" : "SELECT 1";
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Result check() {
        Result result = probe.run(connection -> {
            try (var statement = connection.createStatement(); var rows = statement.executeQuery(query)) {
                rows.next();
                return Result.up(null);
            }
        });
        if (result.up()) {
            lastFailure.succeeded();
        } else {
            lastFailure.failed(result);
        }
        return result;
    }

    /**
     * Whether the last ping failed a moment ago: the checks that follow it in the same round need not wait out
     * their own timeout against a database that just did not answer.
     */
    boolean failedRecently() {
        return lastFailure.get().isPresent();
    }
}
