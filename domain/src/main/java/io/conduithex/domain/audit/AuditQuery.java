package io.conduithex.domain.audit;

import io.conduithex.domain.validation.Required;
import io.conduithex.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of the audit trail, newest first: optionally one actor's events, one entity's (or one kind of entity's),
 * within {@code [from, to)}, after a cursor from the previous page.
 *
 * @param entityId only with {@code entityType}
 * @param after    the last event of the previous page: the page holds the events older than it
 */
public record AuditQuery(Optional<UserId> actor, Optional<AuditAction.EntityType> entityType,
                         Optional<String> entityId, Optional<Instant> from, Optional<Instant> to,
                         Optional<AuditCursor> after, int limit) {
    public static final int MAX_LIMIT = 500;

    public AuditQuery {
        Required.nonNull("actor", actor, "entityType", entityType, "entityId", entityId, "from", from, "to", to,
                "after", after);
        if (entityId.isPresent() && entityType.isEmpty()) {
            throw new IllegalArgumentException("an entity id needs its entity type");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** Where a page ended: its last event's time and id, the order's two keys. */
    public record AuditCursor(Instant occurredAt, long id) {
        public AuditCursor {
            Objects.requireNonNull(occurredAt, "occurredAt");
        }

        public static AuditCursor of(AuditEvent event) {
            return new AuditCursor(event.occurredAt(), event.id());
        }
    }
}
