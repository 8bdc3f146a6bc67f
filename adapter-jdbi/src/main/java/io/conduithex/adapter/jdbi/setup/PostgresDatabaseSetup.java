package io.conduithex.adapter.jdbi.setup;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.values.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Prepares a PostgreSQL server for the application before the first migration: creates the database that
 * DATABASE_URL names when it is missing (from the server's maintenance database), then the extensions the
 * migrations need. Logs in as the migration user when one is set, else as the application user. Idempotent:
 * what exists is left alone.
 */
public final class PostgresDatabaseSetup {

    /** Extensions the migrations rely on; the schema uses core features only. */
    public static final List<String> REQUIRED_EXTENSIONS = List.of();

    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?$",
            Pattern.CASE_INSENSITIVE);
    /**
     * Names we create are plain identifiers only: they are quoted anyway, but a strict pattern means no name can
     * carry a quote, a semicolon or a case surprise into the statement. PostgreSQL keeps 63 bytes of a name.
     */
    private static final int MAX_IDENTIFIER = 63;
    private static final List<String> MAINTENANCE_DATABASES = List.of("postgres", "template1");
    /** SQLSTATE 3D000 invalid_catalog_name: the database does not exist. */
    private static final String NO_SUCH_DATABASE = "3D000";

    private final DatabaseSettings settings;

    public PostgresDatabaseSetup(DatabaseSettings settings) {
        if (settings.dialect() != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("not a PostgreSQL URL");
        }
        this.settings = settings;
    }

    /**
     * What setup did.
     *
     * @param database           the database name from the URL
     * @param created            whether this run created it
     * @param extensionsCreated  extensions this run created; empty when all were there or none are needed
     */
    public record Outcome(String database, boolean created, List<String> extensionsCreated) {
    }

    /**
     * The database name in a PostgreSQL JDBC URL, checked to be a plain lower-case identifier.
     *
     * @throws IllegalArgumentException naming the problem when the URL names no database or an unusual one
     */
    public static String databaseName(String url) {
        return ServerUrl.plainDatabaseName(URL, url, "jdbc:postgresql://host:port/name", MAX_IDENTIFIER);
    }

    /** The same server and options, another database. */
    static String urlOf(String url, String database) {
        return ServerUrl.parse(URL, url).withDatabase(database);
    }

    /** Creates the database and the extensions that are missing. */
    public Outcome run() throws SQLException {
        String name = databaseName(settings.url());
        boolean created = false;
        try (Connection maintenance = connectToMaintenance()) {
            if (!exists(maintenance, name)) {
                try (var statement = maintenance.createStatement()) {
                    statement.execute("CREATE DATABASE " + quoted(name));
                }
                created = true;
            }
        }
        List<String> extensions = new ArrayList<>();
        if (!REQUIRED_EXTENSIONS.isEmpty()) {
            try (Connection target = connect(settings.url())) {
                for (String extension : REQUIRED_EXTENSIONS) {
                    if (!extensionExists(target, extension)) {
                        try (var statement = target.createStatement()) {
                            statement.execute("CREATE EXTENSION IF NOT EXISTS " + quoted(extension));
                        }
                        extensions.add(extension);
                    }
                }
            }
        }
        return new Outcome(name, created, List.copyOf(extensions));
    }

    private Connection connectToMaintenance() throws SQLException {
        SQLException first = null;
        for (String database : MAINTENANCE_DATABASES) {
            try {
                return connect(urlOf(settings.url(), database));
            } catch (SQLException e) {
                // A server without the postgres database still has template1.
                if (!NO_SUCH_DATABASE.equals(e.getSQLState())) {
                    throw e;
                }
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        throw first;
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (var query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static boolean extensionExists(Connection connection, String extension) throws SQLException {
        try (var query = connection.prepareStatement("SELECT 1 FROM pg_extension WHERE extname = ?")) {
            query.setString(1, extension);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String quoted(String identifier) {
        if (!ServerUrl.isPlainIdentifier(identifier, MAX_IDENTIFIER)) {
            throw new IllegalArgumentException("not a plain identifier: " + identifier);
        }
        return "\"" + identifier + "\"";
    }

    private Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        String user = settings.migrationUser() != null ? settings.migrationUser() : settings.user();
        String password = settings.migrationUser() != null ? settings.migrationPassword() : settings.password();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", settings.applicationName() + "-setup");
        properties.setProperty("connectTimeout",
                String.valueOf(Math.max(1, (settings.poolTimeout().toMillis() + 999) / 1000)));
        return DriverManager.getConnection(url, properties);
    }
}
