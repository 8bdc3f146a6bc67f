package io.conduithex.bootstrap.config;

import static io.conduithex.bootstrap.config.Setting.CONSISTENCY_SECRET;
import static io.conduithex.bootstrap.config.Setting.DATABASE_REPLICA_URLS;
import static io.conduithex.bootstrap.config.Setting.DB_REPLICA_MAX_LAG_BYTES;
import static io.conduithex.bootstrap.config.Setting.DB_REPLICA_MAX_LAG_MS;
import static io.conduithex.bootstrap.config.Setting.DB_REPLICA_POOL_SIZE;
import static io.conduithex.bootstrap.config.Setting.INSTANCES;
import static io.conduithex.bootstrap.config.Setting.READ_CONSISTENCY_WAIT_MS;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.adapter.jdbi.values.JdbcUrls;
import io.conduithex.adapter.jdbi.values.ReplicaSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Read replicas and the consistency tokens that let a client read its own writes on any instance. The secret is
 * generated at start when there is no replica or only one instance, since then no other instance must verify
 * what this one signs; with replicas and more than one instance every instance must be given the same one.
 */
public record ReplicaConfig(ReplicaSettings settings, Secret consistencySecret, boolean secretGenerated) {
    public static final int MIN_SECRET_BYTES = 32;

    public ReplicaConfig {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(consistencySecret, "consistencySecret");
    }

    static ReplicaConfig read(ConfigReader read, DatabaseSettings database, int instances) {
        List<String> urls = urls(read.text(DATABASE_REPLICA_URLS));
        if (!urls.isEmpty() && database.dialect() != Dialect.POSTGRESQL) {
            throw new ConfigurationException(DATABASE_REPLICA_URLS + " needs a PostgreSQL DATABASE_URL; "
                    + database.dialect().name().toLowerCase() + " has no replicas");
        }
        var settings = new ReplicaSettings(urls, read.integer(DB_REPLICA_POOL_SIZE), read.millis(DB_REPLICA_MAX_LAG_MS),
                read.integer(DB_REPLICA_MAX_LAG_BYTES), read.millis(READ_CONSISTENCY_WAIT_MS),
                ReplicaSettings.DEFAULT_CHECK_INTERVAL);
        var given = read.secret(CONSISTENCY_SECRET, MIN_SECRET_BYTES);
        if (given.isEmpty() && !urls.isEmpty() && instances > 1) {
            throw new ConfigurationException(CONSISTENCY_SECRET + " must be set (the same on every instance) when "
                    + DATABASE_REPLICA_URLS + " is set and " + INSTANCES + " is " + instances);
        }
        return new ReplicaConfig(settings, given.orElseGet(() -> Secret.random(MIN_SECRET_BYTES)), given.isEmpty());
    }

    private static List<String> urls(String list) {
        List<String> urls = new ArrayList<>();
        for (String part : list.split(",")) {
            String url = part.strip();
            if (url.isEmpty()) {
                continue;
            }
            if (!url.startsWith("jdbc:postgresql:")) {
                throw ConfigReader.invalid(DATABASE_REPLICA_URLS, JdbcUrls.masked(url));
            }
            urls.add(url);
        }
        return urls;
    }

    void describe(Map<Setting, Object> into) {
        into.put(DATABASE_REPLICA_URLS, settings.urls().isEmpty() ? "<none>"
                : settings.urls().stream().map(JdbcUrls::masked).collect(Collectors.joining(",")));
        into.put(DB_REPLICA_POOL_SIZE, settings.poolSize());
        into.put(DB_REPLICA_MAX_LAG_MS, settings.maxLag().toMillis());
        into.put(DB_REPLICA_MAX_LAG_BYTES, settings.maxLagBytes());
        into.put(READ_CONSISTENCY_WAIT_MS, settings.consistencyWait().toMillis());
        into.put(CONSISTENCY_SECRET, secretGenerated ? "<generated>" : "****");
    }
}
