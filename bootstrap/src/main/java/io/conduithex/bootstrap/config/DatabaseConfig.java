package io.conduithex.bootstrap.config;

import static io.conduithex.bootstrap.config.Setting.DATABASE_MIGRATION_PASSWORD;
import static io.conduithex.bootstrap.config.Setting.DATABASE_MIGRATION_USER;
import static io.conduithex.bootstrap.config.Setting.DATABASE_PASSWORD;
import static io.conduithex.bootstrap.config.Setting.DATABASE_POOLER;
import static io.conduithex.bootstrap.config.Setting.DATABASE_URL;
import static io.conduithex.bootstrap.config.Setting.DATABASE_USER;
import static io.conduithex.bootstrap.config.Setting.DB_LEAK_DETECTION_MS;
import static io.conduithex.bootstrap.config.Setting.DB_LONG_TRANSACTION_MS;
import static io.conduithex.bootstrap.config.Setting.DB_MAX_LIFETIME_MS;
import static io.conduithex.bootstrap.config.Setting.DB_POOL_SIZE;
import static io.conduithex.bootstrap.config.Setting.DB_POOL_TIMEOUT_MS;
import static io.conduithex.bootstrap.config.Setting.DB_SLOW_QUERY_MS;
import static io.conduithex.bootstrap.config.Setting.DB_STATEMENT_TIMEOUT_MS;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.adapter.jdbi.values.JdbcUrls;
import io.conduithex.adapter.jdbi.values.Pooler;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** The database settings: where the database is, who logs in, and how the pool treats its connections. */
final class DatabaseConfig {
    static final String APPLICATION_NAME = "conduit";

    private DatabaseConfig() {
    }

    static DatabaseSettings read(ConfigReader read) {
        String url = read.text(DATABASE_URL);
        try {
            Dialect.fromUrl(url);
        } catch (IllegalArgumentException e) {
            throw ConfigReader.invalid(DATABASE_URL, JdbcUrls.masked(url));
        }
        String migrationUser = read.text(DATABASE_MIGRATION_USER);
        String migrationPassword = read.secret(DATABASE_MIGRATION_PASSWORD);
        if (migrationPassword != null && migrationUser == null) {
            throw new ConfigurationException(DATABASE_MIGRATION_PASSWORD + " is set but " + DATABASE_MIGRATION_USER
                    + " is not");
        }
        Duration maxLifetime = read.millis(DB_MAX_LIFETIME_MS);
        Duration leakDetection = read.millis(DB_LEAK_DETECTION_MS);
        if (!leakDetection.isZero() && (leakDetection.compareTo(DatabaseSettings.MIN_LEAK_DETECTION) < 0
                || leakDetection.compareTo(maxLifetime) > 0)) {
            throw ConfigReader.invalid(DB_LEAK_DETECTION_MS, DB_LEAK_DETECTION_MS.allowed + " ("
                    + maxLifetime.toMillis() + ")", String.valueOf(leakDetection.toMillis()));
        }
        return settings(url, read.text(DATABASE_USER), read.secret(DATABASE_PASSWORD), read.integer(DB_POOL_SIZE),
                read.millis(DB_POOL_TIMEOUT_MS), maxLifetime, read.millis(DB_STATEMENT_TIMEOUT_MS),
                read.millis(DB_LONG_TRANSACTION_MS), leakDetection, read.millis(DB_SLOW_QUERY_MS), migrationUser,
                migrationPassword, pooler(read.text(DATABASE_POOLER), url));
    }

    private static Pooler pooler(String name, String url) {
        Pooler pooler = switch (name.toLowerCase(Locale.ROOT)) {
            case "none" -> Pooler.NONE;
            case "pgbouncer" -> Pooler.PGBOUNCER;
            default -> throw ConfigReader.invalid(DATABASE_POOLER, name);
        };
        if (pooler != Pooler.NONE && Dialect.fromUrl(url) != Dialect.POSTGRESQL) {
            throw new ConfigurationException(DATABASE_POOLER + " " + name + " needs a PostgreSQL DATABASE_URL");
        }
        return pooler;
    }

    /** The one place that builds the adapter's settings from the values read. */
    private static DatabaseSettings settings(String url, String user, String password, int poolSize,
                                             Duration poolTimeout, Duration maxLifetime, Duration statementTimeout,
                                             Duration longTransaction, Duration leakDetection, Duration slowStatement,
                                             String migrationUser, String migrationPassword, Pooler pooler) {
        return new DatabaseSettings(url, user, password, poolSize, poolTimeout, maxLifetime, statementTimeout,
                APPLICATION_NAME, longTransaction, leakDetection, slowStatement, migrationUser, migrationPassword,
                pooler);
    }

    /** The effective values, secrets masked. */
    static void describe(DatabaseSettings database, Map<Setting, Object> into) {
        into.put(DATABASE_URL, JdbcUrls.masked(database.url()));
        into.put(DATABASE_USER, database.user() == null ? "<none>" : database.user());
        into.put(DATABASE_PASSWORD, database.password() == null ? "<none>" : "****");
        into.put(DATABASE_MIGRATION_USER, database.migrationUser() == null ? "<none>" : database.migrationUser());
        into.put(DATABASE_MIGRATION_PASSWORD, database.migrationPassword() == null ? "<none>" : "****");
        into.put(DATABASE_POOLER, database.pooler().name().toLowerCase(Locale.ROOT));
        into.put(DB_POOL_SIZE, database.poolSize());
        into.put(DB_POOL_TIMEOUT_MS, database.poolTimeout().toMillis());
        into.put(DB_MAX_LIFETIME_MS, database.maxLifetime().toMillis());
        into.put(DB_STATEMENT_TIMEOUT_MS, database.statementTimeout().toMillis());
        into.put(DB_LONG_TRANSACTION_MS, database.longTransaction().toMillis());
        into.put(DB_LEAK_DETECTION_MS, database.leakDetection().toMillis());
        into.put(DB_SLOW_QUERY_MS, database.slowStatement().toMillis());
    }
}
