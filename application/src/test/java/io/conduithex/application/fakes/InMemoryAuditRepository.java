package io.conduithex.application.fakes;

import io.conduithex.domain.audit.AuditEvent;
import io.conduithex.domain.audit.AuditQuery;
import io.conduithex.domain.port.persistence.AuditRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit trail in a list: appended events, rolled back with their transaction by size. */
public final class InMemoryAuditRepository implements AuditRepository {
    private final Runnable beforeWrite;
    private final List<AuditEvent> events = new ArrayList<>();

    InMemoryAuditRepository(Runnable beforeWrite) {
        this.beforeWrite = beforeWrite;
    }

    @Override
    public void append(AuditEvent event) {
        beforeWrite.run();
        events.add(new AuditEvent(events.size() + 1L, event.occurredAt(), event.actor(), event.action(),
                event.entityId(), event.requestId(), event.changedFields()));
    }

    @Override
    public List<AuditEvent> page(AuditQuery query) {
        throw new UnsupportedOperationException("the use cases under test do not page the trail");
    }

    @Override
    public int deleteOlderThan(Instant cutoff, int limit) {
        throw new UnsupportedOperationException("the use cases under test do not prune the trail");
    }

    /** Every committed event, oldest first. */
    public List<AuditEvent> events() {
        return List.copyOf(events);
    }

    int size() {
        return events.size();
    }

    void truncate(int size) {
        events.subList(size, events.size()).clear();
    }
}
