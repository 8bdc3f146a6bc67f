package io.conduithex.adapter.jdbi.replica;

import java.util.Optional;

/**
 * What the last check saw of one replica.
 *
 * @param replayed  how far it had replayed the primary's WAL, when it answered
 * @param lagBytes  how much WAL it was behind the primary
 * @param lagMillis how old its data was, to within one check interval
 * @param problem   why it last failed its check, when it did
 */
public record ReplicaStatus(ReplicaState state, Optional<WalPosition> replayed, long lagBytes, long lagMillis,
                            Optional<String> problem) {

    static final ReplicaStatus STARTING =
            new ReplicaStatus(ReplicaState.STARTING, Optional.empty(), 0, 0, Optional.empty());

    public boolean serves() {
        return state == ReplicaState.SERVING;
    }

    /** Whether the last check saw it replay at least up to {@code position}. */
    boolean hasReplayed(WalPosition position) {
        return replayed.map(r -> r.isAtLeast(position)).orElse(false);
    }
}
