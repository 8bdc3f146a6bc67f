package io.conduithex.bootstrap.config;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.values.ReplicaSettings;
import io.conduithex.adapter.web.TokenService;
import io.conduithex.adapter.web.WebSettings;
import io.conduithex.application.transaction.RetrySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every configuration variable, written once: its name, its default as an operator reads it, the values it
 * accepts, and a one-line help. Parsing ({@link AppConfig#load}) takes names, defaults and integer bounds from
 * here and says "NAME must be {@link #allowed}" when a value does not fit; {@code --help} prints
 * {@link #helpLines()}; a test holds README.md's configuration table to it. Declared in the README's order.
 */
public enum Setting {
    DATABASE_URL("jdbc:sqlite:./data/conduit.db", null,
            "a JDBC URL starting with jdbc:sqlite:, jdbc:postgresql: or jdbc:mariadb:", "JDBC URL; its prefix picks the dialect"),
    DATABASE_USER(null, null, "any user name", "database user"),
    DATABASE_PASSWORD(null, null, "any password", "database password"),
    DATABASE_MIGRATION_USER(null, "DATABASE_USER", "any user name",
            "user migrations (and setup) run as, on PostgreSQL and MariaDB"),
    DATABASE_MIGRATION_PASSWORD(null, null, "any password, with DATABASE_MIGRATION_USER set", "its password"),
    DATABASE_POOLER("none", null, "none or pgbouncer (PgBouncer in transaction mode, PostgreSQL only)",
            "what DATABASE_URL reaches: the server, or PgBouncer"),
    PORT(8080, 0, 65535, "HTTP port (0: any free port)"),
    JWT_SECRET(null, "generated at start, with a warning", "at least " + TokenService.MIN_SECRET_BYTES + " bytes",
            "token signing key"),
    JWT_TTL("P30D", null, "an ISO-8601 duration such as P30D or PT12H, from 1 minute to 365 days", "token lifetime"),
    DB_POOL_SIZE(DatabaseSettings.DEFAULT_POOL_SIZE, 1, 1000, "maximum database connections"),
    DB_POOL_TIMEOUT_MS(millis(DatabaseSettings.DEFAULT_POOL_TIMEOUT), 250, 600_000, "wait for a connection, ms"),
    DB_MAX_LIFETIME_MS(millis(DatabaseSettings.DEFAULT_MAX_LIFETIME), 30_000, 86_400_000,
            "pooled connection lifetime, ms"),
    DB_STATEMENT_TIMEOUT_MS(millis(DatabaseSettings.DEFAULT_STATEMENT_TIMEOUT), 1, 3_600_000, "statement timeout, ms"),
    DB_LONG_TRANSACTION_MS(millis(DatabaseSettings.DEFAULT_LONG_TRANSACTION), 1, 3_600_000,
            "warn about transactions open longer, ms"),
    DB_LEAK_DETECTION_MS(String.valueOf(millis(DatabaseSettings.DEFAULT_LEAK_DETECTION)), null, 0, 86_400_000,
            "0 (off) or between " + millis(DatabaseSettings.MIN_LEAK_DETECTION) + " and DB_MAX_LIFETIME_MS",
            "report connections lent out longer, ms"),
    DB_STARTUP_TIMEOUT_MS(30_000, 0, 3_600_000, "how long serve waits for the database at start, ms (0: once)"),
    DB_SLOW_QUERY_MS(millis(DatabaseSettings.DEFAULT_SLOW_STATEMENT), 1, 3_600_000,
            "log and count statements slower, ms"),
    DB_MAX_RETRIES(RetrySettings.DEFAULTS.maxRetries(), 0, 20, "retries after a transient failure"),
    BCRYPT_COST(10, 4, 31, "bcrypt cost factor"),
    PASSWORD_HASH_THREADS(String.valueOf(LoginLimits.defaultHashThreads()), "half the CPUs, at least 1", 1, 256,
            "threads that hash passwords"),
    PASSWORD_HASH_WAITING(LoginLimits.DEFAULT_HASH_WAITING, 0, 10_000,
            "password hashes that may wait for a thread; more are refused (503)"),
    LOGIN_FAILURE_LIMIT(LoginLimits.DEFAULT_FAILURE_LIMIT, 1, 1000,
            "failed logins per account and address before 429"),
    LOGIN_FAILURE_WINDOW_MS(millis(LoginLimits.DEFAULT_FAILURE_WINDOW), 1000, 86_400_000,
            "the window failed logins are counted in, ms"),
    CORS_ALLOWED_ORIGINS(WebSettings.ANY_ORIGIN, null,
            "* or a comma-separated list of origins such as https://app.example.com",
            "origins allowed to call the API from a browser"),
    ADMIN_TOKEN(null, "none: /admin answers 404", "at least " + SecurityConfig.MIN_ADMIN_TOKEN_BYTES + " bytes",
            "bearer token for /admin"),
    LOG_FORMAT("text", null, "text or json", "log line format (json: one object per line)"),
    INSTANCES(1, 1, 1000, "instances sharing the database, for doctor's pool budget"),
    DATABASE_REPLICA_URLS("", "none", "comma-separated jdbc:postgresql: URLs of hot standbys (PostgreSQL only)",
            "replicas that serve read-only work"),
    DB_REPLICA_POOL_SIZE(ReplicaSettings.DEFAULT_POOL_SIZE, 1, 1000, "maximum connections per replica"),
    DB_REPLICA_MAX_LAG_MS(millis(ReplicaSettings.DEFAULT_MAX_LAG), 1, 3_600_000,
            "a replica whose data is older stops serving, ms"),
    DB_REPLICA_MAX_LAG_BYTES(Math.toIntExact(ReplicaSettings.DEFAULT_MAX_LAG_BYTES), 1, 1 << 30,
            "a replica this much WAL behind stops serving, bytes"),
    READ_CONSISTENCY_WAIT_MS(millis(ReplicaSettings.DEFAULT_CONSISTENCY_WAIT), 0, 10_000,
            "how long a read waits for a replica to reach its caller's write, ms"),
    CONSISTENCY_SECRET(null, "generated at start", "at least " + ReplicaConfig.MIN_SECRET_BYTES + " bytes",
            "signs consistency tokens; the same on every instance"),
    TAGS_MAX_AGE_MS(1000, 0, 60_000, "how long GET /api/tags may answer from memory, ms"),
    READ_CACHE("on", "on (off when DATABASE_REPLICA_URLS is set)", "on or off",
            "keep the answers to anonymous reads in memory"),
    READ_CACHE_MAX_STALENESS_MS(millis(ReadCacheConfig.DEFAULT_MAX_STALENESS), 1, 3_600_000,
            "the longest a kept answer is served, from its read's start, ms"),
    READ_CACHE_MAX_BYTES(ReadCacheConfig.DEFAULT_MAX_BYTES, 1, Integer.MAX_VALUE,
            "memory the read cache's answers may take, bytes"),
    IDEMPOTENCY_TTL("PT24H", null, "an ISO-8601 duration such as PT24H or P2D, from 1 minute to 30 days",
            "how long an Idempotency-Key is remembered"),
    AUDIT_RETENTION("P90D", null, "an ISO-8601 duration such as P90D, from 1 day to 3650 days",
            "how long audit events are kept"),
    HTTP_THREADS(String.valueOf(WebSettings.defaultHttpThreads()), "4 per CPU, plus 4",
            WebSettings.MIN_HTTP_THREADS, WebSettings.MAX_HTTP_THREADS, "HTTP server threads");

    private static final String HELP_INDENT = "      ";
    private static final int HELP_WIDTH = 80;

    /** The value used when the variable is not set, as it would be written; null when there is none. */
    final String defaultValue;
    /** The default as the operator reads it in {@code --help} and README.md. */
    final String shownDefault;
    /** An integer setting's bounds; null for the others. */
    final Integer min;
    final Integer max;
    /** The values accepted, completing "NAME must be ..."; for integers, their bounds. */
    final String allowed;
    final String help;

    /** A value read as text; {@code defaultValue} null means none, {@code shownDefault} null shows the default. */
    Setting(String defaultValue, String shownDefault, String allowed, String help) {
        this(defaultValue, shownDefault, null, null, allowed, help);
    }

    /** An integer within [min, max]. */
    Setting(int defaultValue, int min, int max, String help) {
        this(String.valueOf(defaultValue), null, min, max, help);
    }

    /** An integer within [min, max] whose default depends on the machine. */
    Setting(String defaultValue, String shownDefault, int min, int max, String help) {
        this(defaultValue, shownDefault, min, max, "an integer between " + min + " and " + max, help);
    }

    Setting(String defaultValue, String shownDefault, Integer min, Integer max, String allowed, String help) {
        this.defaultValue = defaultValue;
        this.shownDefault = shownDefault != null ? shownDefault : defaultValue != null ? defaultValue : "none";
        this.min = min;
        this.max = max;
        this.allowed = allowed;
        this.help = help;
    }

    /**
     * Every setting for {@code --help}: its name and default, then what it is and the values it accepts, on one
     * line when that fits in picocli's 80 columns, else on two.
     */
    public static List<String> helpLines() {
        List<String> lines = new ArrayList<>();
        for (Setting setting : values()) {
            lines.add("  " + setting.name() + " (default: " + setting.shownDefault + ")");
            String detail = HELP_INDENT + setting.help + "; " + setting.allowed;
            if (detail.length() < HELP_WIDTH) {
                lines.add(detail);
            } else {
                lines.add(HELP_INDENT + setting.help);
                lines.add(HELP_INDENT + setting.allowed);
            }
        }
        return lines;
    }

    private static int millis(Duration duration) {
        return Math.toIntExact(duration.toMillis());
    }
}
