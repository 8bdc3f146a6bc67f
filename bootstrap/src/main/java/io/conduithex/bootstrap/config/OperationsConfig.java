package io.conduithex.bootstrap.config;

import static io.conduithex.bootstrap.config.Setting.DB_MAX_RETRIES;
import static io.conduithex.bootstrap.config.Setting.DB_STARTUP_TIMEOUT_MS;
import static io.conduithex.bootstrap.config.Setting.INSTANCES;
import static io.conduithex.bootstrap.config.Setting.LOG_FORMAT;
import static io.conduithex.bootstrap.config.Setting.TAGS_MAX_AGE_MS;

import io.conduithex.application.transaction.RetrySettings;
import io.conduithex.bootstrap.config.AppConfig.LogFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the application runs and is operated: how long the start waits for the database, how often a unit of
 * work is retried, how many instances share the database, how long the tags may be served from memory, and how
 * log lines are written.
 */
public record OperationsConfig(Duration startupTimeout, int maxRetries, int instances, Duration tagsMaxAge,
                               LogFormat logFormat) {

    public OperationsConfig {
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        Objects.requireNonNull(tagsMaxAge, "tagsMaxAge");
        Objects.requireNonNull(logFormat, "logFormat");
    }

    static OperationsConfig read(ConfigReader read) {
        return new OperationsConfig(read.millis(DB_STARTUP_TIMEOUT_MS), read.integer(DB_MAX_RETRIES),
                read.integer(INSTANCES), read.millis(TAGS_MAX_AGE_MS), logFormat(read.text(LOG_FORMAT)));
    }

    private static LogFormat logFormat(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "text" -> LogFormat.TEXT;
            case "json" -> LogFormat.JSON;
            default -> throw ConfigReader.invalid(LOG_FORMAT, name);
        };
    }

    /** The retry policy's settings: its defaults, with DB_MAX_RETRIES. */
    public RetrySettings retrySettings() {
        return RetrySettings.DEFAULTS.withMaxRetries(maxRetries);
    }

    void describe(Map<Setting, Object> into) {
        into.put(DB_STARTUP_TIMEOUT_MS, startupTimeout.toMillis());
        into.put(DB_MAX_RETRIES, maxRetries);
        into.put(INSTANCES, instances);
        into.put(TAGS_MAX_AGE_MS, tagsMaxAge.toMillis());
        into.put(LOG_FORMAT, logFormat.name().toLowerCase(Locale.ROOT));
    }
}
