package io.conduithex.domain.port.persistence;

import io.conduithex.domain.audit.AuditEvent;
import io.conduithex.domain.audit.AuditQuery;
import java.time.Instant;
import java.util.List;

/** The audit trail, bound to one transaction: appended to by use cases, read and pruned by operators. */
public interface AuditRepository {

    /** Appends {@code event} (its id is ignored) in the transaction, so it commits or rolls back with it. */
    void append(AuditEvent event);

    /** The events the query selects, newest first, at most its limit. */
    List<AuditEvent> page(AuditQuery query);

    /** Deletes at most {@code limit} events older than {@code cutoff}; returns how many. */
    int deleteOlderThan(Instant cutoff, int limit);
}
