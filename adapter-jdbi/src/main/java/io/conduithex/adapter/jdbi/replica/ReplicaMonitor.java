package io.conduithex.adapter.jdbi.replica;

import io.conduithex.adapter.jdbi.pool.Pool;
import io.conduithex.adapter.jdbi.values.ReplicaSettings;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every replica once per {@link ReplicaSettings#checkInterval()}: whether it answers, whether it is still a
 * standby ({@code pg_is_in_recovery()}; a promoted node's replay position freezes, so lag alone would not tell),
 * and how far behind the primary it is, in bytes and in time. A replica serves while it is within both lag bounds;
 * once over either it stops, and serves again only when back within half of each, so that a replica hovering at
 * the bound does not flap in and out of the read set.
 */
final class ReplicaMonitor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReplicaMonitor.class);

    private final Pool primary;
    private final List<Replica> replicas;
    private final ReplicaSettings settings;
    private final LagClock lagClock;
    private final LongSupplier clock;
    private final ScheduledExecutorService timer;
    private volatile PrimaryIdentity identity;

    /** The primary as its last check saw it: the cluster and timeline a read position must be on to be compared. */
    record PrimaryIdentity(String cluster, int timeline) {
    }

    ReplicaMonitor(Pool primary, List<Replica> replicas, ReplicaSettings settings, LongSupplier clock) {
        this.primary = primary;
        this.replicas = replicas;
        this.settings = settings;
        this.clock = clock;
        // Twice the lag bound: a lag beyond that is reported as at least that, which is all the bound needs.
        this.lagClock = new LagClock(2 * settings.maxLag().toMillis());
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "conduit-replica-monitor");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        long interval = settings.checkInterval().toMillis();
        timer.scheduleWithFixedDelay(this::checkAll, 0, interval, TimeUnit.MILLISECONDS);
    }

    Optional<PrimaryIdentity> identity() {
        return Optional.ofNullable(identity);
    }

    /** One round of checks; runs on the monitor's thread, and from tests. */
    void checkAll() {
        Optional<WalPosition> primaryPosition = checkPrimary();
        for (Replica replica : replicas) {
            try {
                replica.update(check(replica, primaryPosition));
            } catch (RuntimeException e) {
                markUnreachable(replica, e);
            }
        }
    }

    /** Takes a replica out of the read set at once, when a read found it broken; its next check may bring it back. */
    void markUnreachable(Replica replica, RuntimeException failure) {
        ReplicaStatus before = replica.status();
        String problem = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        replica.update(new ReplicaStatus(ReplicaState.UNREACHABLE, before.replayed(), before.lagBytes(),
                before.lagMillis(), Optional.of(problem)));
        if (before.state() != ReplicaState.UNREACHABLE) {
            log.warn("Replica {} is unreachable; its reads go elsewhere until it answers again: {}", replica.name(),
                    problem);
        }
    }

    private Optional<WalPosition> checkPrimary() {
        try (Handle handle = primary.open()) {
            var row = handle.createQuery("SELECT pg_current_wal_lsn()::text AS position,"
                            + " (SELECT system_identifier::text FROM pg_control_system()) AS cluster,"
                            + " (SELECT timeline_id FROM pg_control_checkpoint()) AS timeline")
                    .mapToMap().one();
            WalPosition position = WalPosition.parse((String) row.get("position"));
            identity = new PrimaryIdentity((String) row.get("cluster"), ((Number) row.get("timeline")).intValue());
            lagClock.primaryAt(clock.getAsLong(), position);
            return Optional.of(position);
        } catch (RuntimeException e) {
            // Without the primary's position lag cannot be measured; replicas keep the state their last check gave.
            log.debug("Could not read the primary's WAL position", e);
            return Optional.empty();
        }
    }

    private ReplicaStatus check(Replica replica, Optional<WalPosition> primaryPosition) {
        ReplicaStatus before = replica.status();
        try (Handle handle = replica.pool().open()) {
            var row = handle.createQuery("SELECT pg_is_in_recovery() AS recovering,"
                    + " pg_last_wal_replay_lsn()::text AS replayed").mapToMap().one();
            if (!Boolean.TRUE.equals(row.get("recovering"))) {
                if (before.state() != ReplicaState.PROMOTED) {
                    log.error("Replica {} is no longer a standby (it was promoted); it serves no more reads",
                            replica.name());
                }
                return new ReplicaStatus(ReplicaState.PROMOTED, before.replayed(), 0, 0,
                        Optional.of("promoted: pg_is_in_recovery() is false"));
            }
            WalPosition replayed = WalPosition.parse((String) row.get("replayed"));
            if (primaryPosition.isEmpty()) {
                return new ReplicaStatus(before.state(), Optional.of(replayed), before.lagBytes(),
                        before.lagMillis(), before.problem());
            }
            long lagBytes = primaryPosition.get().bytesAhead(replayed);
            long lagMillis = lagClock.lagMillis(clock.getAsLong(), replayed);
            ReplicaState next = stateFor(before.state(), lagBytes, lagMillis);
            if (next != before.state() && next != ReplicaState.STARTING) {
                log.info("Replica {} is now {} (lag {} bytes, {} ms)", replica.name(), next.label(), lagBytes,
                        lagMillis);
            }
            return new ReplicaStatus(next, Optional.of(replayed), lagBytes, lagMillis, Optional.empty());
        }
    }

    private ReplicaState stateFor(ReplicaState before, long lagBytes, long lagMillis) {
        long maxMillis = settings.maxLag().toMillis();
        long maxBytes = settings.maxLagBytes();
        if (lagBytes > maxBytes || lagMillis > maxMillis) {
            return ReplicaState.LAGGING;
        }
        if (before == ReplicaState.SERVING || before == ReplicaState.STARTING) {
            return ReplicaState.SERVING;
        }
        // Coming back (from lag, an outage or a start): only once well within both bounds.
        return lagBytes <= maxBytes / 2 && lagMillis <= maxMillis / 2 ? ReplicaState.SERVING : ReplicaState.LAGGING;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
