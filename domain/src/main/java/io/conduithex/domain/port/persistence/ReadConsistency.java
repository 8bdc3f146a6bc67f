package io.conduithex.domain.port.persistence;

import java.util.Collection;
import java.util.Optional;

/**
 * Read-your-writes when read-only units of work may run on replicas that lag behind the primary. A caller's
 * request runs in a {@link Scope} that names the writes it must see (positions a scope returned earlier, on this
 * instance or another, carried by the client in a signed token); every read in the scope runs where those writes
 * are visible, and every write in it is remembered, so later reads in the same scope see it too.
 *
 * <p>Positions are opaque text: only the persistence adapter that wrote them compares them. One that it cannot
 * compare (from another cluster, or from before a failover) sends the scope's reads to the primary.
 */
public interface ReadConsistency {

    /** Without replicas every read sees every committed write: scopes hold nothing and name no position. */
    ReadConsistency NONE = mustSee -> new Scope() {
        @Override
        public Optional<String> written() {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    };

    /** Opens a scope on this thread, until it is closed; reads in it see at least every write in {@code mustSee}. */
    Scope open(Collection<String> mustSee);

    /** One caller's request; belongs to the thread that opened it. */
    interface Scope extends AutoCloseable {

        /** The position of the newest write committed in this scope, for the caller to present next time. */
        Optional<String> written();

        @Override
        void close();
    }
}
