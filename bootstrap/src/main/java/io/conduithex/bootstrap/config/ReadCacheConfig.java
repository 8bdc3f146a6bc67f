package io.conduithex.bootstrap.config;

import static io.conduithex.bootstrap.config.Setting.DATABASE_REPLICA_URLS;
import static io.conduithex.bootstrap.config.Setting.READ_CACHE;
import static io.conduithex.bootstrap.config.Setting.READ_CACHE_MAX_BYTES;
import static io.conduithex.bootstrap.config.Setting.READ_CACHE_MAX_STALENESS_MS;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The read cache of anonymous reads: whether it runs, how stale a kept answer may get, how much memory the answers
 * may take.
 *
 * <p>It is off with read replicas, and asking for it there is refused: an answer read from a replica may be older
 * than the write that had just dropped the one before it, and only the persistence adapter knows how far a replica
 * is behind, so the cache could keep it for a whole staleness bound on top of the replica's lag.
 */
public record ReadCacheConfig(boolean enabled, Duration maxStaleness, int maxBytes) {
    public static final Duration DEFAULT_MAX_STALENESS = Duration.ofSeconds(1);
    public static final int DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

    public ReadCacheConfig {
        Objects.requireNonNull(maxStaleness, "maxStaleness");
    }

    static ReadCacheConfig read(ConfigReader read, boolean replicas) {
        String given = read.given(READ_CACHE);
        boolean enabled = switch (given == null ? (replicas ? "off" : "on") : given.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw ConfigReader.invalid(READ_CACHE, given);
        };
        if (enabled && replicas) {
            throw new ConfigurationException(READ_CACHE + " must be off when " + DATABASE_REPLICA_URLS
                    + " is set: an answer read from a replica may predate the write that dropped the one before it");
        }
        return new ReadCacheConfig(enabled, read.millis(READ_CACHE_MAX_STALENESS_MS), read.integer(READ_CACHE_MAX_BYTES));
    }

    void describe(Map<Setting, Object> into) {
        into.put(READ_CACHE, enabled ? "on" : "off");
        into.put(READ_CACHE_MAX_STALENESS_MS, maxStaleness.toMillis());
        into.put(READ_CACHE_MAX_BYTES, maxBytes);
    }
}
