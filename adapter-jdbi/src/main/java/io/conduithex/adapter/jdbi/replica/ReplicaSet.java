package io.conduithex.adapter.jdbi.replica;

import io.conduithex.adapter.jdbi.monitoring.TimingRecorder;
import io.conduithex.adapter.jdbi.pool.ConnectionPools;
import io.conduithex.adapter.jdbi.pool.Pool;
import io.conduithex.adapter.jdbi.pool.PoolFactory;
import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.values.JdbcUrls;
import io.conduithex.adapter.jdbi.values.ReplicaSettings;
import io.conduithex.application.health.HealthCheck;
import io.conduithex.domain.port.persistence.ReplicaOverview;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The hot standbys of one primary: a pool per standby, the monitor that checks them, and the router that sends
 * read-only work to them. Closing it stops the monitor and closes the standbys' pools (the primary's are the
 * caller's).
 */
public final class ReplicaSet implements AutoCloseable {
    /** A standby that does not hand out a connection this fast is passed over for the primary. */
    private static final Duration REPLICA_POOL_TIMEOUT = Duration.ofMillis(1000);

    private final List<Replica> replicas;
    private final ReplicaMonitor monitor;
    private final ReadRouter router;

    private ReplicaSet(List<Replica> replicas, ReplicaMonitor monitor, ReadRouter router) {
        this.replicas = replicas;
        this.monitor = monitor;
        this.router = router;
    }

    /** No standbys: the router sends everything where it always went. */
    public static ReplicaSet none(ConnectionPools pools) {
        return new ReplicaSet(List.of(), null, ReadRouter.withoutReplicas(pools));
    }

    /**
     * Opens a pool per standby in {@code replicaSettings} and starts checking them; reads go to a standby once its
     * first check has seen it within the lag bounds.
     */
    public static ReplicaSet open(DatabaseSettings primary, ConnectionPools pools, ReplicaSettings replicaSettings,
                                  MeterRegistry meters, TimingRecorder timings) {
        if (!replicaSettings.any()) {
            return none(pools);
        }
        List<Replica> replicas = new ArrayList<>();
        try {
            for (int i = 0; i < replicaSettings.urls().size(); i++) {
                String url = replicaSettings.urls().get(i);
                String name = "replica-" + (i + 1);
                Pool pool = PoolFactory.openReplica(settingsFor(primary, url, replicaSettings), "conduit-" + name,
                        meters, timings);
                replicas.add(new Replica(name, JdbcUrls.masked(url), pool, Counter.builder("conduit.replica.reads")
                        .description("reads the replica served").tag("replica", name).register(meters)));
            }
        } catch (RuntimeException e) {
            replicas.forEach(r -> r.pool().close());
            throw e;
        }
        var monitor = new ReplicaMonitor(pools.writer(), replicas, replicaSettings, System::currentTimeMillis);
        var scopes = new ConsistencyScopes(monitor::identity);
        // Reads that replicas cannot take may use half the primary's pool, so that writes keep the other half.
        int fallbackBound = Math.max(1, primary.poolSize() / 2);
        var router = new ReadRouter(pools, replicas, monitor, scopes, replicaSettings.consistencyWait().toMillis(),
                fallbackBound, meters);
        for (Replica replica : replicas) {
            registerGauges(replica, meters);
        }
        monitor.start();
        return new ReplicaSet(List.copyOf(replicas), monitor, router);
    }

    private static DatabaseSettings settingsFor(DatabaseSettings primary, String url, ReplicaSettings replicas) {
        Duration timeout = primary.poolTimeout().compareTo(REPLICA_POOL_TIMEOUT) < 0
                ? primary.poolTimeout() : REPLICA_POOL_TIMEOUT;
        return primary.toBuilder().url(url).poolSize(replicas.poolSize()).poolTimeout(timeout).build();
    }

    private static void registerGauges(Replica replica, MeterRegistry meters) {
        Gauge.builder("conduit.replica.serving", replica, r -> r.status().serves() ? 1 : 0)
                .description("1 while the replica serves reads").tag("replica", replica.name()).register(meters);
        Gauge.builder("conduit.replica.lag.bytes", replica, r -> r.status().lagBytes())
                .description("WAL the replica has not replayed yet").baseUnit("bytes").tag("replica", replica.name())
                .register(meters);
        Gauge.builder("conduit.replica.lag", replica, r -> r.status().lagMillis() / 1000.0)
                .description("how old the replica's data is, to within one check").baseUnit("seconds")
                .tag("replica", replica.name()).register(meters);
    }

    public ReadRouter router() {
        return router;
    }

    public List<Replica> replicas() {
        return replicas;
    }

    /** The replicas' state for operators; {@link ReplicaOverview#NONE} without replicas. */
    public ReplicaOverview overview() {
        return replicas.isEmpty() ? ReplicaOverview.NONE : new JdbiReplicaOverview(router);
    }

    /** What readiness reports of the replicas: nothing without them. */
    public List<HealthCheck> healthChecks() {
        return replicas.isEmpty() ? List.of() : List.of(new ReplicaHealth(replicas));
    }

    /** Runs one round of checks now, instead of waiting for the next interval. */
    public void checkNow() {
        if (monitor != null) {
            monitor.checkAll();
        }
    }

    @Override
    public void close() {
        if (monitor != null) {
            monitor.close();
        }
        for (Replica replica : replicas) {
            replica.pool().close();
        }
    }
}
