package io.conduithex.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.adapter.jdbi.values.PoolStatus;
import io.conduithex.application.transaction.UnitOfWorkMeters;
import io.conduithex.bootstrap.startup.Conduit;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.config.ConfigSource;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The real application, configured only through its variables as in production (a PostgreSQL or MariaDB
 * {@code DATABASE_URL}, port 0, cheap bcrypt, the pool and statement limits a fault test needs), serving HTTP on
 * a real socket. The one seam: a Guice override that opens the persistence exactly as the production module does
 * and keeps a reference to it and to the application's meters, so the test can read the pool's active
 * connections and the retries. Closing it closes the app
 * and its pool.
 */
final class RunningConduit implements AutoCloseable {

    private static final String JWT_SECRET = "fault-tests-jwt-secret-at-least-32-bytes-long";

    /** Retries of a unit of work after a transient failure, pinned because some tests reason from it. */
    static final int MAX_RETRIES = 3;

    /** The variables a fault test varies. */
    record Limits(int poolSize, Duration poolTimeout, Duration statementTimeout) {

        /** The longest a request may take while the database misbehaves, measuring slack included. */
        Duration requestBound() {
            return poolTimeout.plus(statementTimeout).plus(CallAssertions.MEASURING_SLACK);
        }
    }

    private final Conduit conduit;
    private final JdbiPersistence persistence;
    private final MeterRegistry meters;
    private final AppConfig config;

    private RunningConduit(Conduit conduit, JdbiPersistence persistence, MeterRegistry meters, AppConfig config) {
        this.conduit = conduit;
        this.persistence = persistence;
        this.meters = meters;
        this.config = config;
    }

    static RunningConduit start(String databaseUrl, String user, Limits limits) {
        return start(databaseUrl, user, limits, new AbstractModule() {
        });
    }

    /** Like {@link #start(String, String, Limits)}, with {@code extra}'s bindings replacing the application's. */
    static RunningConduit start(String databaseUrl, String user, Limits limits, Module extra) {
        var config = AppConfig.load(ConfigSource.of(Map.of(
                AppConfig.DATABASE_URL, databaseUrl,
                AppConfig.DATABASE_USER, user,
                AppConfig.PORT, "0",
                AppConfig.BCRYPT_COST, "4",
                AppConfig.PASSWORD_HASH_WAITING, TestApplication.HASHES_WAITING,
                AppConfig.JWT_SECRET, JWT_SECRET,
                AppConfig.DB_POOL_SIZE, Integer.toString(limits.poolSize()),
                AppConfig.DB_POOL_TIMEOUT_MS, Long.toString(limits.poolTimeout().toMillis()),
                AppConfig.DB_STATEMENT_TIMEOUT_MS, Long.toString(limits.statementTimeout().toMillis()),
                AppConfig.DB_MAX_RETRIES, Integer.toString(MAX_RETRIES))));
        var opened = new AtomicReference<JdbiPersistence>();
        var registry = new AtomicReference<MeterRegistry>();
        var conduit = TestApplication.start(config, new AbstractModule() {
            @Provides
            @Singleton
            JdbiPersistence persistence(DatabaseSettings settings, MeterRegistry meters) {
                JdbiPersistence persistence = JdbiPersistence.open(settings, meters);
                opened.set(persistence);
                registry.set(meters);
                return persistence;
            }
        }, extra);
        return new RunningConduit(conduit, opened.get(), registry.get(), config);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + conduit.port());
    }

    ConduitClient client() {
        return new ConduitClient(baseUri());
    }

    /** The name its database sessions carry: PostgreSQL's {@code application_name}, MariaDB's {@code program_name}. */
    String applicationName() {
        return config.database().applicationName();
    }

    /** Units of work the application ran again after a transient failure of {@code cause} (lower case). */
    long retries(String cause) {
        return Math.round(meters.find(UnitOfWorkMeters.RETRIES).tag("cause", cause).counters().stream()
                .mapToDouble(Counter::count).sum());
    }

    PoolStatus poolStatus() {
        return persistence.poolStatus();
    }

    /**
     * Waits (bounded) until no connection is lent out: every connection the requests took came back. A request
     * the client saw answered has normally returned its connection already; the wait covers one still finishing.
     */
    void assertPoolReturnsToNoActiveConnections(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        PoolStatus status = persistence.poolStatus();
        while (status.active() != 0 && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            status = persistence.poolStatus();
        }
        assertThat(status.active()).as("connections still lent out %d ms later: %s", within.toMillis(), status)
                .isZero();
    }

    @Override
    public void close() {
        conduit.close();
    }
}
