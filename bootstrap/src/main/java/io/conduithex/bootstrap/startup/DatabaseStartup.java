package io.conduithex.bootstrap.startup;

import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.adapter.jdbi.values.JdbcUrls;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.adapter.jdbi.values.MigrationResult;
import io.conduithex.adapter.jdbi.error.Phase;
import io.conduithex.domain.failure.DatabaseUnavailableException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for the database at start: migrates it, and while it cannot be reached, tries again with backoff until
 * the startup timeout, logging each failed attempt with its reason (the application stays not ready meanwhile).
 * A database that answers but fails otherwise (a broken migration, a refused login) ends the wait at once:
 * waiting would not fix it.
 */
final class DatabaseStartup {
    private static final Logger log = LoggerFactory.getLogger(DatabaseStartup.class);

    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

    private final JdbiPersistence persistence;
    private final Duration timeout;

    DatabaseStartup(JdbiPersistence persistence, Duration timeout) {
        this.persistence = persistence;
        this.timeout = timeout;
    }

    /**
     * @throws StartupException when the database was still unreachable after the timeout, or failed otherwise
     */
    MigrationResult migrateWhenReachable(String url) {
        long began = System.nanoTime();
        long deadline = began + timeout.toNanos();
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try {
                return persistence.migrate();
            } catch (RuntimeException e) {
                String reason = unreachableBecause(e);
                if (reason == null) {
                    throw StartupException.of("cannot migrate the database: " + e.getMessage(), e);
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw StartupException.of("the database at " + JdbcUrls.masked(url) + " was not reachable within "
                            + timeout.toMillis() + " ms (" + attempt + " attempts; DB_STARTUP_TIMEOUT_MS): " + reason, e);
                }
                long pauseMillis = Math.min(pause.toMillis(), remaining / 1_000_000 + 1);
                log.warn("Database not reachable yet ({}); attempt {} failed, trying again in {} ms, giving up in {} ms",
                        reason, attempt, pauseMillis, remaining / 1_000_000);
                sleep(pauseMillis);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    /** The reason when the failure means the database cannot be reached (yet), else null. */
    private String unreachableBecause(RuntimeException failure) {
        if (persistence.dialect() == Dialect.SQLITE) {
            // A file that cannot be opened now will not open later: there is no server to wait for.
            return null;
        }
        var classified = persistence.classifier().classify(failure, Phase.ACQUIRE);
        if (classified instanceof DatabaseUnavailableException unavailable
                && unavailable.reason() == DatabaseUnavailableException.Reason.CANNOT_CONNECT) {
            return unavailable.getMessage();
        }
        return null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StartupException.of("interrupted while waiting for the database", e);
        }
    }
}
