package io.conduithex.adapter.jdbi.change;

import io.conduithex.domain.port.persistence.ChangeListener;
import io.conduithex.domain.port.persistence.CommittedChanges;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a unit of work's committed changes go: to this instance's {@link ChangeListener}, and, when other instances
 * may be listening, into the writing transaction as a notice ({@link ChangeNotices}). Thread-safe.
 */
public final class ChangeReports {
    private static final Logger log = LoggerFactory.getLogger(ChangeReports.class);

    private final ChangeListener listener;
    private final String instance;
    private final boolean notifyOthers;

    /**
     * @param instance     this instance's name in its notices, so that it can tell its own from others'
     * @param notifyOthers whether to send notices (PostgreSQL reached directly)
     */
    public ChangeReports(ChangeListener listener, String instance, boolean notifyOthers) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.instance = Objects.requireNonNull(instance, "instance");
        this.notifyOthers = notifyOthers;
    }

    /** In the transaction on {@code handle}, just before its COMMIT: queues the notice for other instances. */
    public void beforeCommit(Handle handle, CommittedChanges changes) {
        if (notifyOthers && !changes.isEmpty()) {
            ChangeNotices.send(handle, instance, changes);
        }
    }

    /**
     * After COMMIT (or when its outcome is unknown): tells this instance's listener, before the unit of work
     * returns. A listener that fails is logged, not rethrown: the data is committed, and a caller told otherwise
     * would write it again.
     */
    public void committed(CommittedChanges changes) {
        if (changes.isEmpty()) {
            return;
        }
        try {
            listener.committed(changes);
        } catch (RuntimeException e) {
            log.error("The change listener failed on committed changes {}", changes, e);
        }
    }
}
