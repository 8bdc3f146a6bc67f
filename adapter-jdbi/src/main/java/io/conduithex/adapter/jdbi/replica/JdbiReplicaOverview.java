package io.conduithex.adapter.jdbi.replica;

import io.conduithex.domain.port.persistence.ReplicaOverview;

/**
 * {@link ReplicaOverview} from what the monitor and the router already know; asks no server. (Inside it, a bare
 * {@code Replica} is the port's view of one, hence the adapter's own spelled out in full.)
 */
record JdbiReplicaOverview(ReadRouter router) implements ReplicaOverview {

    @Override
    public Report report() {
        var replicas = router.replicas().stream().map(JdbiReplicaOverview::replica).toList();
        return new Report(replicas, router.fallbacks(), router.fallbacksRefused());
    }

    private static ReplicaOverview.Replica replica(io.conduithex.adapter.jdbi.replica.Replica replica) {
        ReplicaStatus status = replica.status();
        var pool = replica.pool().status();
        return new ReplicaOverview.Replica(replica.name(), replica.maskedUrl(), status.state().label(),
                status.lagBytes(), status.lagMillis(), status.replayed().map(WalPosition::toString), pool.active(),
                pool.idle(), pool.maximum(), replica.readsServed(), status.problem());
    }
}
