package io.conduithex.bootstrap.config;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.web.WebSettings;
import io.conduithex.domain.validation.Required;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The application's configuration, read from environment variables (a system property of the same name
 * overrides one) and validated as a whole before anything starts. Unset or blank variables take their
 * defaults, which give a working server with no configuration at all. The variables, their defaults and the
 * values they accept are listed once, in {@link Setting}; each topic reads its own ({@link DatabaseConfig},
 * {@link WebConfig}, {@link SecurityConfig}, {@link OperationsConfig}, {@link ReplicaConfig},
 * {@link ReadCacheConfig}).
 */
public record AppConfig(DatabaseSettings database, WebConfig web, SecurityConfig security,
                        OperationsConfig operations, ReplicaConfig replicas, ReadCacheConfig readCache,
                        RetentionConfig retention) {

    /** How log lines are written. */
    public enum LogFormat { TEXT, JSON }

    // The variables' names, for code and tests that set them; Setting is where each is described.
    public static final String DATABASE_URL = Setting.DATABASE_URL.name();
    public static final String DATABASE_USER = Setting.DATABASE_USER.name();
    public static final String DATABASE_PASSWORD = Setting.DATABASE_PASSWORD.name();
    public static final String DATABASE_MIGRATION_USER = Setting.DATABASE_MIGRATION_USER.name();
    public static final String DATABASE_MIGRATION_PASSWORD = Setting.DATABASE_MIGRATION_PASSWORD.name();
    public static final String DB_SLOW_QUERY_MS = Setting.DB_SLOW_QUERY_MS.name();
    public static final String ADMIN_TOKEN = Setting.ADMIN_TOKEN.name();
    public static final String LOG_FORMAT = Setting.LOG_FORMAT.name();
    public static final String INSTANCES = Setting.INSTANCES.name();
    public static final String PORT = Setting.PORT.name();
    public static final String JWT_SECRET = Setting.JWT_SECRET.name();
    public static final String JWT_TTL = Setting.JWT_TTL.name();
    public static final String DB_POOL_SIZE = Setting.DB_POOL_SIZE.name();
    public static final String DB_POOL_TIMEOUT_MS = Setting.DB_POOL_TIMEOUT_MS.name();
    public static final String DB_MAX_LIFETIME_MS = Setting.DB_MAX_LIFETIME_MS.name();
    public static final String DB_STATEMENT_TIMEOUT_MS = Setting.DB_STATEMENT_TIMEOUT_MS.name();
    public static final String DB_LONG_TRANSACTION_MS = Setting.DB_LONG_TRANSACTION_MS.name();
    public static final String DB_LEAK_DETECTION_MS = Setting.DB_LEAK_DETECTION_MS.name();
    public static final String DB_STARTUP_TIMEOUT_MS = Setting.DB_STARTUP_TIMEOUT_MS.name();
    public static final String DB_MAX_RETRIES = Setting.DB_MAX_RETRIES.name();
    public static final String BCRYPT_COST = Setting.BCRYPT_COST.name();
    public static final String PASSWORD_HASH_WAITING = Setting.PASSWORD_HASH_WAITING.name();
    public static final String CORS_ALLOWED_ORIGINS = Setting.CORS_ALLOWED_ORIGINS.name();
    public static final String TAGS_MAX_AGE_MS = Setting.TAGS_MAX_AGE_MS.name();
    public static final String READ_CACHE = Setting.READ_CACHE.name();
    public static final String READ_CACHE_MAX_STALENESS_MS = Setting.READ_CACHE_MAX_STALENESS_MS.name();
    public static final String READ_CACHE_MAX_BYTES = Setting.READ_CACHE_MAX_BYTES.name();
    public static final String HTTP_THREADS = Setting.HTTP_THREADS.name();
    public static final String IDEMPOTENCY_TTL = Setting.IDEMPOTENCY_TTL.name();
    public static final String AUDIT_RETENTION = Setting.AUDIT_RETENTION.name();
    public static final String DATABASE_REPLICA_URLS = Setting.DATABASE_REPLICA_URLS.name();
    public static final String CONSISTENCY_SECRET = Setting.CONSISTENCY_SECRET.name();
    public static final String READ_CONSISTENCY_WAIT_MS = Setting.READ_CONSISTENCY_WAIT_MS.name();

    public AppConfig {
        Required.nonNull("database", database, "web", web, "security", security, "operations", operations,
                "replicas", replicas, "readCache", readCache, "retention", retention);
    }

    /**
     * Reads and validates every variable.
     *
     * @throws ConfigurationException naming the first variable whose value cannot be used
     */
    public static AppConfig load(ConfigSource source) {
        var read = new ConfigReader(source);
        DatabaseSettings database = DatabaseConfig.read(read);
        OperationsConfig operations = OperationsConfig.read(read);
        WebConfig web = WebConfig.read(read);
        SecurityConfig security = SecurityConfig.read(read);
        ReplicaConfig replicas = ReplicaConfig.read(read, database, operations.instances());
        return new AppConfig(database, web, security, operations, replicas,
                ReadCacheConfig.read(read, replicas.settings().any()), RetentionConfig.read(read));
    }

    // Shortcuts for the web adapter's module and doctor, which read these through AppConfig.

    public Secret jwtSecret() {
        return security.jwtSecret();
    }

    public Duration jwtTtl() {
        return security.jwtTtl();
    }

    public Optional<Secret> adminToken() {
        return security.adminToken();
    }

    public WebSettings webSettings() {
        return web.webSettings();
    }

    public int instances() {
        return operations.instances();
    }

    /** The effective configuration as one log line, every setting in {@link Setting}'s order, secrets masked. */
    public String describe() {
        Map<Setting, Object> values = new EnumMap<>(Setting.class);
        DatabaseConfig.describe(database, values);
        web.describe(values);
        security.describe(values);
        operations.describe(values);
        replicas.describe(values);
        readCache.describe(values);
        retention.describe(values);
        return values.entrySet().stream().map(entry -> entry.getKey().name() + "=" + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return "AppConfig[" + describe() + "]";
    }
}
