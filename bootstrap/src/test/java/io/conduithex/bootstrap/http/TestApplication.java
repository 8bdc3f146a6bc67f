package io.conduithex.bootstrap.http;

import com.google.inject.Module;
import io.conduithex.bootstrap.Conduit;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.config.ConfigSource;
import io.conduithex.testsupport.RunningApplication;
import io.conduithex.testsupport.SqliteApplicationExtension;
import java.util.Map;

/** The real application for HTTP tests: port 0, cheap bcrypt, a known JWT secret, a fresh SQLite database. */
final class TestApplication {
    static final String JWT_SECRET = "http-tests-jwt-secret-at-least-32-bytes-long";

    private TestApplication() {
    }

    static AppConfig config() {
        return AppConfig.load(ConfigSource.of(Map.of(
                AppConfig.PORT, "0",
                AppConfig.BCRYPT_COST, "4",
                AppConfig.JWT_SECRET, JWT_SECRET)));
    }

    /** The extension that starts the application on a fresh database before each test. */
    static SqliteApplicationExtension onFreshSqlite() {
        return new SqliteApplicationExtension(TestApplication::launch);
    }

    private static RunningApplication launch(Module persistenceOverride) {
        var conduit = Conduit.start(config(), persistenceOverride);
        return new RunningApplication() {
            @Override
            public int port() {
                return conduit.port();
            }

            /** The test database belongs to the extension, which closes it after checking for leaks. */
            @Override
            public void close() {
                conduit.stopServing();
            }
        };
    }
}
