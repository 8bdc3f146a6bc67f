package io.conduithex.adapter.jdbi.values;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The PostgreSQL hot standbys that read-only units of work may run on, and when one may serve.
 *
 * @param urls            JDBC URLs of the standbys; empty: every unit of work runs on the primary, as without them
 * @param poolSize        connections per standby
 * @param maxLag          a standby whose data is older than this stops serving
 * @param maxLagBytes     a standby this much WAL behind the primary stops serving
 * @param consistencyWait how long a read that must see a given write waits for a standby to replay it before it
 *                        runs on the primary instead
 * @param checkInterval   how often each standby's state and lag are checked: how long a dead one may still be
 *                        chosen, and how soon a recovered one serves again
 */
public record ReplicaSettings(List<String> urls, int poolSize, Duration maxLag, long maxLagBytes,
                              Duration consistencyWait, Duration checkInterval) {
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final Duration DEFAULT_MAX_LAG = Duration.ofSeconds(5);
    public static final long DEFAULT_MAX_LAG_BYTES = 16L * 1024 * 1024;
    public static final Duration DEFAULT_CONSISTENCY_WAIT = Duration.ofMillis(50);
    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofMillis(500);
    public static final ReplicaSettings NONE = new ReplicaSettings(List.of(), DEFAULT_POOL_SIZE, DEFAULT_MAX_LAG,
            DEFAULT_MAX_LAG_BYTES, DEFAULT_CONSISTENCY_WAIT, DEFAULT_CHECK_INTERVAL);

    public ReplicaSettings {
        urls = List.copyOf(urls);
        Objects.requireNonNull(maxLag, "maxLag");
        Objects.requireNonNull(consistencyWait, "consistencyWait");
        Objects.requireNonNull(checkInterval, "checkInterval");
        for (String url : urls) {
            if (Dialect.fromUrl(url) != Dialect.POSTGRESQL) {
                throw new IllegalArgumentException("a replica must be a PostgreSQL hot standby: " + JdbcUrls.masked(url));
            }
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
        if (maxLag.isNegative() || maxLag.isZero() || maxLagBytes < 1 || consistencyWait.isNegative()
                || checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("replica lag bounds and intervals must be positive");
        }
    }

    public boolean any() {
        return !urls.isEmpty();
    }
}
