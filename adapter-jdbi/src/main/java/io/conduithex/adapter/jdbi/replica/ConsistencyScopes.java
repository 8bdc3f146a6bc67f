package io.conduithex.adapter.jdbi.replica;

import io.conduithex.domain.port.persistence.ReadConsistency;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link ReadConsistency} for a primary with replicas: the open scope is kept per thread (one at a time), and tells the
 * {@link ReadRouter} what the reads on this thread must see. Outside any scope (the command line, background work)
 * reads need see nothing in particular and go to any serving replica.
 */
final class ConsistencyScopes implements ReadConsistency {
    private final ThreadLocal<ScopeState> current = new ThreadLocal<>();
    private final Supplier<Optional<ReplicaMonitor.PrimaryIdentity>> identity;

    ConsistencyScopes(Supplier<Optional<ReplicaMonitor.PrimaryIdentity>> identity) {
        this.identity = identity;
    }

    @Override
    public Scope open(Collection<String> mustSee) {
        ScopeState state = new ScopeState();
        for (String text : mustSee) {
            var position = ReadPosition.parse(text);
            if (position.isEmpty()) {
                // Signed by an instance, yet not a position this version reads: only the primary surely has it.
                state.primaryBecause = ReadRouter.Fallback.FOREIGN_POSITION;
            }
            state.mustSee(position, identity.get());
        }
        // A new scope replaces whatever this thread held: one that was never closed (a request whose end was
        // skipped) must not outlive the next request on the same thread.
        current.set(state);
        return new Scope() {
            @Override
            public Optional<String> written() {
                return Optional.ofNullable(state.written).map(ReadPosition::toString);
            }

            @Override
            public void close() {
                if (current.get() == state) {
                    current.remove();
                }
            }
        };
    }

    /** What the reads on this thread must see now; nothing outside a scope. */
    Need need() {
        ScopeState state = current.get();
        if (state == null) {
            return Need.NOTHING;
        }
        if (state.primaryBecause != null) {
            return new Need(Optional.empty(), Optional.of(state.primaryBecause));
        }
        return new Need(Optional.ofNullable(state.required).map(ReadPosition::position), Optional.empty());
    }

    /** A write committed on this thread at {@code position}: later reads in the scope must see it. */
    void wrote(ReadPosition position) {
        ScopeState state = current.get();
        if (state != null) {
            state.written = position;
            state.mustSee(Optional.of(position), Optional.of(
                    new ReplicaMonitor.PrimaryIdentity(position.cluster(), position.timeline())));
        }
    }

    /** A write committed on this thread but its position could not be read: the scope's reads go to the primary. */
    void wroteAtUnknownPosition() {
        readOnPrimary(ReadRouter.Fallback.WRITE_POSITION_UNKNOWN);
    }

    /** A read on a replica failed in a way the primary would not (a recovery conflict): retry it on the primary. */
    void preferPrimary() {
        readOnPrimary(ReadRouter.Fallback.RECOVERY_CONFLICT);
    }

    private void readOnPrimary(ReadRouter.Fallback reason) {
        ScopeState state = current.get();
        if (state != null && state.primaryBecause == null) {
            state.primaryBecause = reason;
        }
    }

    /**
     * @param position     the replay position a replica must have reached, if any
     * @param primaryBecause why only the primary will do, when it is so (a position that cannot be compared, a write
     *                       whose position is unknown, a recovery conflict on a replica)
     */
    record Need(Optional<WalPosition> position, Optional<ReadRouter.Fallback> primaryBecause) {
        static final Need NOTHING = new Need(Optional.empty(), Optional.empty());

        /** This need, raised to {@code floor} when it asks for less; {@code floor} may be null (none). */
        Need atLeast(WalPosition floor) {
            if (floor == null || primaryBecause.isPresent() || position.map(p -> p.isAtLeast(floor)).orElse(false)) {
                return this;
            }
            return new Need(Optional.of(floor), Optional.empty());
        }
    }

    private static final class ScopeState {
        ReadPosition required;
        ReadPosition written;
        ReadRouter.Fallback primaryBecause;

        void mustSee(Optional<ReadPosition> position, Optional<ReplicaMonitor.PrimaryIdentity> primary) {
            if (position.isEmpty()) {
                return;
            }
            ReadPosition p = position.get();
            if (primary.isEmpty() || !p.isOn(primary.get().cluster(), primary.get().timeline())) {
                primaryBecause = ReadRouter.Fallback.FOREIGN_POSITION;
            } else if (required == null || p.position().compareTo(required.position()) > 0) {
                required = p;
            }
        }
    }
}
