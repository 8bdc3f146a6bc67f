package io.conduithex.bootstrap.testkit;

import com.google.inject.Module;
import com.google.inject.matcher.Matchers;
import com.google.inject.spi.ProvisionListener;
import io.conduithex.bootstrap.startup.Conduit;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.config.ConfigSource;
import io.conduithex.testsupport.ApplicationLauncher;
import io.conduithex.testsupport.MariaDbApplicationExtension;
import io.conduithex.testsupport.PostgresApplicationExtension;
import io.conduithex.testsupport.RunningApplication;
import io.conduithex.testsupport.SqliteApplicationExtension;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The real application for tests, and the one place that starts it: port 0, cheap bcrypt, a known JWT secret, on a
 * fresh database ({@link #onFreshSqlite()}, {@link #onFreshPostgres()}, {@link #onFreshMariaDb()}) or on whatever a test configures
 * ({@link #start}). Every test that needs the running application comes through here.
 */
public final class TestApplication {
    public static final String JWT_SECRET = "http-tests-jwt-secret-at-least-32-bytes-long";
    /** Room for every hash of a test's burst to wait: LoginLimitsTest sets its own. */
    public static final String HASHES_WAITING = "500";

    private TestApplication() {
    }

    public static AppConfig config() {
        return config(Map.of());
    }

    /** The test configuration with some variables added or replaced, such as {@code DB_MAX_RETRIES}. */
    public static AppConfig config(Map<String, String> variables) {
        var all = new HashMap<>(Map.of(
                AppConfig.PORT, "0",
                AppConfig.BCRYPT_COST, "4",
                // Tests register users in bursts of up to a hundred at once: with hashes this cheap, all may wait.
                AppConfig.PASSWORD_HASH_WAITING, HASHES_WAITING,
                AppConfig.JWT_SECRET, JWT_SECRET));
        all.putAll(variables);
        return AppConfig.load(ConfigSource.of(all));
    }

    /** The extension that starts the application on a fresh SQLite database before each test. */
    public static SqliteApplicationExtension onFreshSqlite() {
        return new SqliteApplicationExtension(launcher(config()));
    }

    /** The extension that starts the application on a fresh PostgreSQL database before each test. */
    public static PostgresApplicationExtension onFreshPostgres() {
        return new PostgresApplicationExtension(launcher(config()));
    }

    /** The extension that starts the application on a fresh MariaDB database before each test. */
    public static MariaDbApplicationExtension onFreshMariaDb() {
        return new MariaDbApplicationExtension(launcher(config()));
    }

    /**
     * Starts the application with {@code config}; {@code overrides} replace production bindings on top of the
     * test database's (a meter registry the test reads, for one).
     */
    public static ApplicationLauncher launcher(AppConfig config, Module... overrides) {
        return persistenceOverride -> {
            var registry = new AtomicReference<PrometheusMeterRegistry>();
            var conduit = start(config, Stream.concat(
                    Stream.of(persistenceOverride, capturing(registry)), Stream.of(overrides)).toArray(Module[]::new));
            return new RunningApplication() {
                @Override
                public int port() {
                    return conduit.port();
                }

                /**
                 * The test database belongs to the extension, which closes it after checking for leaks. The meter
                 * registry is closed here: its JVM GC listener would otherwise keep it for the rest of the run.
                 */
                @Override
                public void close() {
                    try {
                        conduit.stopServing();
                    } finally {
                        if (registry.get() != null) {
                            registry.get().close();
                        }
                    }
                }
            };
        };
    }

    /**
     * Starts the application with {@code config} and its production bindings, {@code overrides} replacing some of
     * them; it serves until closed. Blocks until it serves or its start fails.
     */
    public static Conduit start(AppConfig config, Module... overrides) {
        return Conduit.start(config, overrides);
    }

    /** Remembers the Prometheus registry the application builds, without replacing it. */
    private static Module capturing(AtomicReference<PrometheusMeterRegistry> registry) {
        return binder -> binder.bindListener(Matchers.any(), new ProvisionListener() {
            @Override
            public <T> void onProvision(ProvisionInvocation<T> provision) {
                if (provision.provision() instanceof PrometheusMeterRegistry prometheus) {
                    registry.set(prometheus);
                }
            }
        });
    }
}
