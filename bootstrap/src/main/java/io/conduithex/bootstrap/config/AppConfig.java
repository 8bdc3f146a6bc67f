package io.conduithex.bootstrap.config;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.adapter.jdbi.values.JdbcUrls;
import io.conduithex.adapter.web.TokenService;
import io.conduithex.adapter.web.WebSettings;
import io.conduithex.application.transaction.RetrySettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The application's configuration, read from environment variables (a system property of the same name
 * overrides one) and validated as a whole before anything starts. Unset or blank variables take their
 * defaults, which give a working server with no configuration at all.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>DATABASE_URL</td><td>jdbc:sqlite:./data/conduit.db</td><td>JDBC URL, SQLite or PostgreSQL; a SQLite
 *       file's folder is created when missing</td></tr>
 *   <tr><td>DATABASE_USER, DATABASE_PASSWORD</td><td>none</td><td>credentials</td></tr>
 *   <tr><td>DATABASE_MIGRATION_USER, DATABASE_MIGRATION_PASSWORD</td><td>DATABASE_USER's</td><td>credentials
 *       migrations run with (PostgreSQL), so that the application's role need not own the schema</td></tr>
 *   <tr><td>PORT</td><td>8080</td><td>HTTP port, 0..65535 (0: any free port)</td></tr>
 *   <tr><td>JWT_SECRET</td><td>random per start (tokens do not survive a restart)</td><td>HS256 key, at least
 *       32 bytes of UTF-8</td></tr>
 *   <tr><td>JWT_TTL</td><td>P30D</td><td>token lifetime as an ISO-8601 duration (P30D, PT12H), PT1M..P365D</td></tr>
 *   <tr><td>DB_POOL_SIZE</td><td>10</td><td>maximum connections, 1..1000</td></tr>
 *   <tr><td>DB_POOL_TIMEOUT_MS</td><td>5000</td><td>wait for a connection, 250..600000</td></tr>
 *   <tr><td>DB_MAX_LIFETIME_MS</td><td>1800000</td><td>pooled connection lifetime, 30000..86400000</td></tr>
 *   <tr><td>DB_STATEMENT_TIMEOUT_MS</td><td>10000</td><td>statement timeout, 1..3600000</td></tr>
 *   <tr><td>DB_LONG_TRANSACTION_MS</td><td>5000</td><td>a transaction open longer is logged and counted,
 *       1..3600000</td></tr>
 *   <tr><td>DB_LEAK_DETECTION_MS</td><td>60000</td><td>a connection lent out longer is reported as a possible
 *       leak; 0 (off) or 2000..DB_MAX_LIFETIME_MS</td></tr>
 *   <tr><td>DB_STARTUP_TIMEOUT_MS</td><td>30000</td><td>how long {@code serve} waits for the database at start,
 *       0..3600000 (0: one attempt)</td></tr>
 *   <tr><td>DB_SLOW_QUERY_MS</td><td>500</td><td>a statement running longer is logged and counted as slow,
 *       1..3600000</td></tr>
 *   <tr><td>DB_MAX_RETRIES</td><td>3</td><td>retries of a unit of work after a transient failure, 0..20</td></tr>
 *   <tr><td>BCRYPT_COST</td><td>10</td><td>bcrypt cost factor, 4..31</td></tr>
 *   <tr><td>ADMIN_TOKEN</td><td>none: the admin surface is off (404)</td><td>bearer token for /admin, at
 *       least 32 bytes</td></tr>
 *   <tr><td>LOG_FORMAT</td><td>text</td><td>{@code text} or {@code json} (one JSON object per line)</td></tr>
 *   <tr><td>INSTANCES</td><td>1</td><td>how many instances share the database, for the pool budget
 *       {@code doctor} checks, 1..1000</td></tr>
 *   <tr><td>TAGS_MAX_AGE_MS</td><td>1000</td><td>how long {@code GET /api/tags} may answer from memory, 0..60000
 *       (0: read the database every time); a write through this instance is seen at once, one through another
 *       instance within this time</td></tr>
 *   <tr><td>HTTP_THREADS</td><td>4 per CPU + 4</td><td>the HTTP server's threads, 8..1000; requests beyond them
 *       wait their turn</td></tr>
 *   <tr><td>CORS_ALLOWED_ORIGINS</td><td>*</td><td>{@code *} or comma-separated origins
 *       ({@code https://app.example.com})</td></tr>
 * </table>
 */
public record AppConfig(DatabaseSettings database, Duration startupTimeout, int port, Secret jwtSecret,
                        boolean jwtSecretGenerated, Duration jwtTtl, int maxRetries, int bcryptCost,
                        List<String> corsAllowedOrigins, Optional<Secret> adminToken, LogFormat logFormat,
                        int instances, Duration tagsMaxAge, int httpThreads) {

    /** How log lines are written. */
    public enum LogFormat { TEXT, JSON }


    public static final String DATABASE_URL = "DATABASE_URL";
    public static final String DATABASE_USER = "DATABASE_USER";
    public static final String DATABASE_PASSWORD = "DATABASE_PASSWORD";
    public static final String DATABASE_MIGRATION_USER = "DATABASE_MIGRATION_USER";
    public static final String DATABASE_MIGRATION_PASSWORD = "DATABASE_MIGRATION_PASSWORD";
    public static final String DB_SLOW_QUERY_MS = "DB_SLOW_QUERY_MS";
    public static final String ADMIN_TOKEN = "ADMIN_TOKEN";
    public static final String LOG_FORMAT = "LOG_FORMAT";
    public static final String INSTANCES = "INSTANCES";
    public static final String PORT = "PORT";
    public static final String JWT_SECRET = "JWT_SECRET";
    public static final String JWT_TTL = "JWT_TTL";
    public static final String DB_POOL_SIZE = "DB_POOL_SIZE";
    public static final String DB_POOL_TIMEOUT_MS = "DB_POOL_TIMEOUT_MS";
    public static final String DB_MAX_LIFETIME_MS = "DB_MAX_LIFETIME_MS";
    public static final String DB_STATEMENT_TIMEOUT_MS = "DB_STATEMENT_TIMEOUT_MS";
    public static final String DB_LONG_TRANSACTION_MS = "DB_LONG_TRANSACTION_MS";
    public static final String DB_LEAK_DETECTION_MS = "DB_LEAK_DETECTION_MS";
    public static final String DB_STARTUP_TIMEOUT_MS = "DB_STARTUP_TIMEOUT_MS";
    public static final String DB_MAX_RETRIES = "DB_MAX_RETRIES";
    public static final String BCRYPT_COST = "BCRYPT_COST";
    public static final String CORS_ALLOWED_ORIGINS = "CORS_ALLOWED_ORIGINS";
    public static final String TAGS_MAX_AGE_MS = "TAGS_MAX_AGE_MS";
    public static final String HTTP_THREADS = "HTTP_THREADS";

    public static final String DEFAULT_DATABASE_URL = "jdbc:sqlite:./data/conduit.db";
    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_JWT_TTL = TokenService.DEFAULT_LIFETIME;
    public static final int DEFAULT_BCRYPT_COST = 10;
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TAGS_MAX_AGE = Duration.ofSeconds(1);
    static final String APPLICATION_NAME = "conduit";
    public static final int MIN_ADMIN_TOKEN_BYTES = 32;

    private static final Pattern ORIGIN = Pattern.compile("(?i)https?://[^/\\s,*]+");

    public AppConfig {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(logFormat, "logFormat");
        Objects.requireNonNull(jwtSecret, "jwtSecret");
        Objects.requireNonNull(jwtTtl, "jwtTtl");
        Objects.requireNonNull(tagsMaxAge, "tagsMaxAge");
        corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
    }

    /**
     * Reads and validates every variable.
     *
     * @throws ConfigurationException naming the first variable whose value cannot be used
     */
    public static AppConfig load(ConfigSource source) {
        var read = new ConfigReader(source);

        String url = read.text(DATABASE_URL, DEFAULT_DATABASE_URL);
        try {
            Dialect.fromUrl(url);
        } catch (IllegalArgumentException e) {
            throw ConfigReader.invalid(DATABASE_URL, "must be a JDBC URL starting with jdbc:sqlite: or jdbc:postgresql:",
                    JdbcUrls.masked(url));
        }
        String user = read.text(DATABASE_USER, null);
        String password = read.secret(DATABASE_PASSWORD);
        String migrationUser = read.text(DATABASE_MIGRATION_USER, null);
        String migrationPassword = read.secret(DATABASE_MIGRATION_PASSWORD);
        if (migrationPassword != null && migrationUser == null) {
            throw new ConfigurationException(DATABASE_MIGRATION_PASSWORD + " is set but " + DATABASE_MIGRATION_USER
                    + " is not");
        }
        int port = read.integer(PORT, DEFAULT_PORT, 0, 65535);

        String givenSecret = read.secret(JWT_SECRET);
        Secret secret;
        if (givenSecret == null) {
            secret = Secret.random(64);
        } else {
            byte[] bytes = givenSecret.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < TokenService.MIN_SECRET_BYTES) {
                throw new ConfigurationException(JWT_SECRET + " must be at least " + TokenService.MIN_SECRET_BYTES
                        + " bytes, was " + bytes.length + " bytes");
            }
            secret = new Secret(bytes);
        }
        Duration ttl = read.duration(JWT_TTL, DEFAULT_JWT_TTL, Duration.ofMinutes(1), Duration.ofDays(365),
                "from 1 minute to 365 days");

        int poolSize = read.integer(DB_POOL_SIZE, DatabaseSettings.DEFAULT_POOL_SIZE, 1, 1000);
        int poolTimeout = read.integer(DB_POOL_TIMEOUT_MS, (int) DatabaseSettings.DEFAULT_POOL_TIMEOUT.toMillis(),
                250, 600_000);
        int maxLifetime = read.integer(DB_MAX_LIFETIME_MS, (int) DatabaseSettings.DEFAULT_MAX_LIFETIME.toMillis(),
                30_000, 86_400_000);
        int statementTimeout = read.integer(DB_STATEMENT_TIMEOUT_MS,
                (int) DatabaseSettings.DEFAULT_STATEMENT_TIMEOUT.toMillis(), 1, 3_600_000);
        int longTransaction = read.integer(DB_LONG_TRANSACTION_MS,
                (int) DatabaseSettings.DEFAULT_LONG_TRANSACTION.toMillis(), 1, 3_600_000);
        int leakDetection = read.integer(DB_LEAK_DETECTION_MS, (int) DatabaseSettings.DEFAULT_LEAK_DETECTION.toMillis(),
                0, 86_400_000);
        if (leakDetection != 0 && (leakDetection < DatabaseSettings.MIN_LEAK_DETECTION.toMillis()
                || leakDetection > maxLifetime)) {
            throw ConfigReader.invalid(DB_LEAK_DETECTION_MS, "must be 0 (off) or between "
                    + DatabaseSettings.MIN_LEAK_DETECTION.toMillis() + " and " + DB_MAX_LIFETIME_MS + " ("
                    + maxLifetime + ")", String.valueOf(leakDetection));
        }
        int startupTimeout = read.integer(DB_STARTUP_TIMEOUT_MS, (int) DEFAULT_STARTUP_TIMEOUT.toMillis(), 0,
                3_600_000);
        int slowStatement = read.integer(DB_SLOW_QUERY_MS, (int) DatabaseSettings.DEFAULT_SLOW_STATEMENT.toMillis(),
                1, 3_600_000);
        String givenAdminToken = read.secret(ADMIN_TOKEN);
        Optional<Secret> adminToken = Optional.empty();
        if (givenAdminToken != null && !givenAdminToken.isBlank()) {
            byte[] bytes = givenAdminToken.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_ADMIN_TOKEN_BYTES) {
                throw new ConfigurationException(ADMIN_TOKEN + " must be at least " + MIN_ADMIN_TOKEN_BYTES
                        + " bytes, was " + bytes.length + " bytes");
            }
            adminToken = Optional.of(new Secret(bytes));
        }
        String logFormatName = read.text(LOG_FORMAT, "text");
        LogFormat logFormat = switch (logFormatName.toLowerCase(java.util.Locale.ROOT)) {
            case "text" -> LogFormat.TEXT;
            case "json" -> LogFormat.JSON;
            default -> throw ConfigReader.invalid(LOG_FORMAT, "must be text or json", logFormatName);
        };
        int instances = read.integer(INSTANCES, 1, 1, 1000);
        int maxRetries = read.integer(DB_MAX_RETRIES, RetrySettings.DEFAULTS.maxRetries(), 0, 20);
        int bcryptCost = read.integer(BCRYPT_COST, DEFAULT_BCRYPT_COST, 4, 31);
        List<String> origins = origins(read.text(CORS_ALLOWED_ORIGINS, WebSettings.ANY_ORIGIN));
        int tagsMaxAge = read.integer(TAGS_MAX_AGE_MS, (int) DEFAULT_TAGS_MAX_AGE.toMillis(), 0, 60_000);
        int httpThreads = read.integer(HTTP_THREADS, WebSettings.defaultHttpThreads(), WebSettings.MIN_HTTP_THREADS,
                WebSettings.MAX_HTTP_THREADS);

        var database = new DatabaseSettings(url, user, password, poolSize, Duration.ofMillis(poolTimeout),
                Duration.ofMillis(maxLifetime), Duration.ofMillis(statementTimeout), APPLICATION_NAME,
                Duration.ofMillis(longTransaction), Duration.ofMillis(leakDetection), Duration.ofMillis(slowStatement),
                migrationUser, migrationPassword);
        return new AppConfig(database, Duration.ofMillis(startupTimeout), port, secret, givenSecret == null, ttl,
                maxRetries, bcryptCost, origins, adminToken, logFormat, instances, Duration.ofMillis(tagsMaxAge),
                httpThreads);
    }

    private static List<String> origins(String value) {
        List<String> origins = Arrays.stream(value.split(",")).map(String::strip).collect(Collectors.toList());
        boolean valid = origins.equals(List.of(WebSettings.ANY_ORIGIN))
                || origins.stream().allMatch(origin -> ORIGIN.matcher(origin).matches());
        if (!valid) {
            throw ConfigReader.invalid(CORS_ALLOWED_ORIGINS,
                    "must be * or a comma-separated list of origins such as https://app.example.com", value);
        }
        return List.copyOf(origins);
    }

    public AppConfig withPort(int newPort) {
        return new AppConfig(database, startupTimeout, newPort, jwtSecret, jwtSecretGenerated, jwtTtl, maxRetries,
                bcryptCost, corsAllowedOrigins, adminToken, logFormat, instances, tagsMaxAge, httpThreads);
    }

    public RetrySettings retrySettings() {
        return RetrySettings.DEFAULTS.withMaxRetries(maxRetries);
    }

    public WebSettings webSettings() {
        return WebSettings.defaults().withPort(port).withAllowedOrigins(corsAllowedOrigins)
                .withHttpThreads(httpThreads);
    }

    /** The effective configuration as one log line, secrets masked. */
    public String describe() {
        return DATABASE_URL + "=" + JdbcUrls.masked(database.url())
                + ", " + DATABASE_USER + "=" + (database.user() == null ? "<none>" : database.user())
                + ", " + DATABASE_PASSWORD + "=" + (database.password() == null ? "<none>" : "****")
                + ", " + DATABASE_MIGRATION_USER + "=" + (database.migrationUser() == null ? "<none>"
                        : database.migrationUser())
                + ", " + DATABASE_MIGRATION_PASSWORD + "=" + (database.migrationPassword() == null ? "<none>" : "****")
                + ", " + PORT + "=" + port
                + ", " + JWT_SECRET + "=" + (jwtSecretGenerated ? "<generated>" : "****")
                + ", " + JWT_TTL + "=" + (jwtTtl.toSeconds() % 86_400 == 0 ? "P" + jwtTtl.toDays() + "D" : jwtTtl)
                + ", " + DB_POOL_SIZE + "=" + database.poolSize()
                + ", " + DB_POOL_TIMEOUT_MS + "=" + database.poolTimeout().toMillis()
                + ", " + DB_MAX_LIFETIME_MS + "=" + database.maxLifetime().toMillis()
                + ", " + DB_STATEMENT_TIMEOUT_MS + "=" + database.statementTimeout().toMillis()
                + ", " + DB_LONG_TRANSACTION_MS + "=" + database.longTransaction().toMillis()
                + ", " + DB_LEAK_DETECTION_MS + "=" + database.leakDetection().toMillis()
                + ", " + DB_STARTUP_TIMEOUT_MS + "=" + startupTimeout.toMillis()
                + ", " + DB_SLOW_QUERY_MS + "=" + database.slowStatement().toMillis()
                + ", " + DB_MAX_RETRIES + "=" + maxRetries
                + ", " + BCRYPT_COST + "=" + bcryptCost
                + ", " + CORS_ALLOWED_ORIGINS + "=" + String.join(",", corsAllowedOrigins)
                + ", " + ADMIN_TOKEN + "=" + (adminToken.isPresent() ? "****" : "<none: admin off>")
                + ", " + LOG_FORMAT + "=" + logFormat.name().toLowerCase(java.util.Locale.ROOT)
                + ", " + INSTANCES + "=" + instances
                + ", " + TAGS_MAX_AGE_MS + "=" + tagsMaxAge.toMillis()
                + ", " + HTTP_THREADS + "=" + httpThreads;
    }

    @Override
    public String toString() {
        return "AppConfig[" + describe() + "]";
    }
}
