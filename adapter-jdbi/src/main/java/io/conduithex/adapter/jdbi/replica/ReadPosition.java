package io.conduithex.adapter.jdbi.replica;

import java.util.Objects;
import java.util.Optional;

/**
 * A write a client must be able to read back: the primary's WAL insert position right after the write committed,
 * on a named cluster and timeline. A position from another cluster, or from before a failover (another timeline),
 * says nothing about what a replica of this primary holds, so such a read goes to the primary.
 *
 * <p>Its text form, {@code <system identifier>:<timeline>:<position>}, is what a consistency token carries.
 */
public record ReadPosition(String cluster, int timeline, WalPosition position) {

    public ReadPosition {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(position, "position");
        if (cluster.isEmpty() || !cluster.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not a system identifier: " + cluster);
        }
    }

    /** The position {@code text} names, or empty when it is not one (a token is signed, but may be old or foreign). */
    public static Optional<ReadPosition> parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(":", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ReadPosition(parts[0], Integer.parseInt(parts[1]), WalPosition.parse(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean isOn(String otherCluster, int otherTimeline) {
        return cluster.equals(otherCluster) && timeline == otherTimeline;
    }

    @Override
    public String toString() {
        return cluster + ":" + timeline + ":" + position;
    }
}
