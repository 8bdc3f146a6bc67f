package io.conduithex.adapter.jdbi.replica;

import io.conduithex.adapter.jdbi.pool.ConnectionPools;
import io.conduithex.adapter.jdbi.pool.Pool;
import io.conduithex.domain.failure.DatabaseUnavailableException;
import io.conduithex.domain.port.persistence.ReadConsistency;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Chooses where a unit of work runs. Work that may write runs on the primary. Read-only work runs on a serving
 * replica (in turn), one that has replayed every write its {@link ConsistencyScopes scope} must see, waiting up to
 * the consistency wait for one to catch up; otherwise on the primary, within a bound so that a replica outage
 * cannot take the primary's whole pool: beyond it a read is refused as {@link DatabaseUnavailableException}
 * (503 with {@code Retry-After}). Without replicas every read runs where it always did. Thread-safe.
 */
public final class ReadRouter {
    /** Why a read that could have run on a replica ran on the primary; a bounded metric tag. */
    enum Fallback {
        NO_REPLICA_SERVING, REPLICA_BEHIND, FOREIGN_POSITION, REPLICA_FAILED, RECOVERY_CONFLICT,
        WRITE_POSITION_UNKNOWN;

        String tag() {
            return name().toLowerCase();
        }
    }

    private static final long POLL_NANOS = 1_000_000;

    private final ConnectionPools pools;
    private final List<Replica> replicas;
    private final ConsistencyScopes scopes;
    private final long waitNanos;
    private final Semaphore fallbacks;
    private final int fallbackBound;
    private final AtomicInteger next = new AtomicInteger();
    private final Map<Fallback, Counter> fellBack = new EnumMap<>(Fallback.class);
    private final Counter refused;
    /** What every read must see, whatever its scope: the schema this instance migrated to, once it has. */
    private final AtomicReference<WalPosition> floor = new AtomicReference<>();
    private final ReplicaMonitor monitor;

    ReadRouter(ConnectionPools pools, List<Replica> replicas, ReplicaMonitor monitor, ConsistencyScopes scopes,
               long waitMillis, int fallbackBound, MeterRegistry meters) {
        this.pools = pools;
        this.monitor = monitor;
        this.replicas = List.copyOf(replicas);
        this.scopes = scopes;
        this.waitNanos = waitMillis * 1_000_000;
        this.fallbackBound = fallbackBound;
        this.fallbacks = new Semaphore(fallbackBound);
        // Registered once here, not looked up on every read.
        this.refused = meters == null ? null : Counter.builder("conduit.replica.fallbacks.refused")
                .description("reads refused because the primary's share for replicas' reads was in use")
                .register(meters);
        if (meters != null) {
            for (Fallback reason : Fallback.values()) {
                fellBack.put(reason, Counter.builder("conduit.replica.fallbacks")
                        .description("reads that ran on the primary in a replica's place")
                        .tag("reason", reason.tag()).register(meters));
            }
        }
    }

    /** Reads run where they always did: the dialect's reader pool. */
    public static ReadRouter withoutReplicas(ConnectionPools pools) {
        return new ReadRouter(pools, List.of(), null, null, 0, 0, null);
    }

    public ReadConsistency consistency() {
        return scopes == null ? ReadConsistency.NONE : scopes;
    }

    /** A place to run a unit of work: the pool, the handle opened on it, and what to release when it ends. */
    public record Route(Pool pool, Handle handle, Optional<Replica> replica, Runnable release) {
    }

    /**
     * Opens the handle read-write or read-only work runs on; {@code open} takes a handle from a pool and
     * classifies a failure to get one.
     */
    public Route route(boolean readOnly, Function<Pool, Handle> open) {
        if (!readOnly) {
            return primary(pools.writer(), open);
        }
        if (replicas.isEmpty()) {
            return primary(pools.reader(), open);
        }
        var need = scopes.need().atLeast(floor.get());
        if (need.primaryBecause().isPresent()) {
            return fallback(need.primaryBecause().get(), open);
        }
        List<Replica> serving = replicas.stream().filter(r -> r.status().serves()).toList();
        if (serving.isEmpty()) {
            return fallback(Fallback.NO_REPLICA_SERVING, open);
        }
        int start = Math.floorMod(next.getAndIncrement(), serving.size());
        if (need.position().isPresent()) {
            // One the last check already saw past the position needs no question asked.
            for (int i = 0; i < serving.size(); i++) {
                Replica candidate = serving.get((start + i) % serving.size());
                if (candidate.status().hasReplayed(need.position().get())) {
                    return onReplica(candidate, open, Optional.empty());
                }
            }
        }
        return onReplica(serving.get(start), open, need.position());
    }

    private Route onReplica(Replica replica, Function<Pool, Handle> open, Optional<WalPosition> mustSee) {
        Handle handle;
        try {
            handle = open.apply(replica.pool());
        } catch (RuntimeException e) {
            replicaFailed(replica, e);
            return fallback(Fallback.REPLICA_FAILED, open);
        }
        try {
            if (mustSee.isPresent() && !awaitReplay(handle, mustSee.get())) {
                handle.close();
                return fallback(Fallback.REPLICA_BEHIND, open);
            }
        } catch (RuntimeException e) {
            closeQuietly(handle, e);
            replicaFailed(replica, e);
            return fallback(Fallback.REPLICA_FAILED, open);
        }
        replica.served();
        return new Route(replica.pool(), handle, Optional.of(replica), () -> { });
    }

    /** Whether the replica on {@code handle} replays up to {@code position} within the consistency wait. */
    private boolean awaitReplay(Handle handle, WalPosition position) {
        long deadline = System.nanoTime() + waitNanos;
        while (true) {
            boolean replayed = handle.createQuery("SELECT pg_last_wal_replay_lsn() >= CAST(:position AS pg_lsn)")
                    .bind("position", position.toString()).mapTo(Boolean.class).one();
            if (replayed) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private Route fallback(Fallback reason, Function<Pool, Handle> open) {
        if (!fallbacks.tryAcquire()) {
            refused.increment();
            throw new DatabaseUnavailableException(DatabaseUnavailableException.Reason.POOL_EXHAUSTED,
                    "no replica can serve this read, and " + fallbackBound
                            + " reads already run on the primary in their place", null);
        }
        fellBack.get(reason).increment();
        try {
            Handle handle = open.apply(pools.writer());
            return new Route(pools.writer(), handle, Optional.empty(), fallbacks::release);
        } catch (RuntimeException e) {
            fallbacks.release();
            throw e;
        }
    }

    private static Route primary(Pool pool, Function<Pool, Handle> open) {
        return new Route(pool, open.apply(pool), Optional.empty(), () -> { });
    }

    /** A unit of work on {@code route} failed with {@code failure}; a replica that broke leaves the read set now. */
    public void failed(Route route, RuntimeException failure, boolean connectionLost, boolean conflict) {
        if (route.replica().isEmpty()) {
            return;
        }
        if (connectionLost) {
            replicaFailed(route.replica().get(), failure);
        }
        if (conflict) {
            // A recovery conflict is the standby's own: the retry of this read runs on the primary.
            scopes.preferPrimary();
        }
    }

    private void replicaFailed(Replica replica, RuntimeException failure) {
        monitor.markUnreachable(replica, failure);
    }

    /**
     * After a unit of work that wrote has committed on {@code handle}: the primary's WAL insert position there is at
     * or past the commit, so a replica that has replayed it shows the write. Taken only when there are replicas.
     * The cluster and timeline come from the monitor's last check, not from the primary on every write (reading
     * them means reading the control file): WAL positions go on rising across a promotion, so a position labelled
     * with the timeline before it still asks a replica of the new primary for enough, and a reader that has seen
     * the new timeline sends it to the primary.
     */
    public void committed(Handle handle) {
        if (replicas.isEmpty()) {
            return;
        }
        var identity = monitor.identity();
        if (identity.isEmpty()) {
            scopes.wroteAtUnknownPosition();
            return;
        }
        try {
            WalPosition position = WalPosition.parse(handle.createQuery("SELECT pg_current_wal_insert_lsn()::text")
                    .mapTo(String.class).one());
            scopes.wrote(new ReadPosition(identity.get().cluster(), identity.get().timeline(), position));
        } catch (RuntimeException e) {
            // Committed, but where is unknown: the rest of this scope reads from the primary, which surely has it.
            scopes.wroteAtUnknownPosition();
        }
    }

    /**
     * Every read from now on must see the primary's position now: after a migration, so that no read meets a
     * replica that has not replayed the schema this build expects. Asks the primary only when there are replicas.
     */
    public void raiseFloor() {
        if (replicas.isEmpty()) {
            return;
        }
        WalPosition position;
        try (Handle handle = pools.writer().open()) {
            position = WalPosition.parse(handle.createQuery("SELECT pg_current_wal_insert_lsn()::text")
                    .mapTo(String.class).one());
        }
        floor.accumulateAndGet(position, (a, b) -> a == null || b.compareTo(a) > 0 ? b : a);
    }

    /** A write's lost COMMIT turned out to have been stored: where in the WAL is unknown. */
    public void committedAtUnknownPosition() {
        if (!replicas.isEmpty()) {
            scopes.wroteAtUnknownPosition();
        }
    }

    /** Reads that ran on the primary in a replica's place, by reason (a metric tag), and those refused. */
    Map<String, Long> fallbacks() {
        Map<String, Long> counts = new LinkedHashMap<>();
        fellBack.forEach((reason, count) -> counts.put(reason.tag(), (long) count.count()));
        return counts;
    }

    long fallbacksRefused() {
        return (long) refused.count();
    }

    public List<Replica> replicas() {
        return replicas;
    }

    private static void closeQuietly(Handle handle, RuntimeException failure) {
        try {
            handle.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
