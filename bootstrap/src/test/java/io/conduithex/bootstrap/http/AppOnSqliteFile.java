package io.conduithex.bootstrap.http;

import io.conduithex.bootstrap.startup.Conduit;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.testkit.TestApplication;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The application exactly as production builds it (its own persistence, pool metrics and meter registry), on an
 * SQLite file in a folder the test owns. For tests of what the production wiring exposes: /metrics, the logs.
 */
final class AppOnSqliteFile implements AutoCloseable {
    private final Conduit conduit;
    private final String databaseUrl;

    private AppOnSqliteFile(Conduit conduit, String databaseUrl) {
        this.conduit = conduit;
        this.databaseUrl = databaseUrl;
    }

    /** Starts it with the test configuration plus {@code variables}, on {@code folder}/conduit.db. */
    static AppOnSqliteFile start(Path folder, Map<String, String> variables) {
        String url = "jdbc:sqlite:" + folder.resolve("conduit.db");
        var all = new HashMap<>(variables);
        all.put(AppConfig.DATABASE_URL, url);
        return new AppOnSqliteFile(TestApplication.start(TestApplication.config(all)), url);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + conduit.port());
    }

    String databaseUrl() {
        return databaseUrl;
    }

    @Override
    public void close() {
        conduit.close();
    }
}
