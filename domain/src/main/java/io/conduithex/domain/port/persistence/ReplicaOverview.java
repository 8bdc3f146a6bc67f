package io.conduithex.domain.port.persistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the state of the read replicas, for operators. Thread-safe; cheap: it asks no server. */
public interface ReplicaOverview {

    /** No replicas configured: every read runs on the primary. */
    ReplicaOverview NONE = () -> new Report(List.of(), Map.of(), 0);

    Report report();

    /**
     * @param replicas         each replica as its last check saw it, in configuration order
     * @param fallbacks        reads that could have run on a replica but ran on the primary, by reason
     * @param fallbacksRefused reads refused (503) because the primary's share for fallback reads was in use
     */
    record Report(List<Replica> replicas, Map<String, Long> fallbacks, long fallbacksRefused) {
        public Report {
            replicas = List.copyOf(replicas);
            fallbacks = Map.copyOf(fallbacks);
        }
    }

    /**
     * @param name        a bounded label ({@code replica-1}), also the metrics' tag
     * @param url         its JDBC URL, password masked
     * @param state       {@code starting}, {@code serving}, {@code lagging}, {@code unreachable} or {@code promoted}
     * @param replayed    how far it had replayed the primary's WAL ({@code 16/B374D848}), when it answered
     * @param problem     why it last failed its check, when it did
     */
    record Replica(String name, String url, String state, long lagBytes, long lagMillis, Optional<String> replayed,
                   int poolActive, int poolIdle, int poolMaximum, long readsServed, Optional<String> problem) {
    }
}
