package io.conduithex.domain.audit;

import io.conduithex.domain.validation.Required;
import io.conduithex.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One data modification: when, by whom (empty for an anonymous caller: a registration), what was done to which
 * entity, under which request, and the names of the fields it set. Values are never kept: they may be
 * passwords or personal text, and the data itself is the record of what they are now.
 *
 * @param id            the stored event's id; 0 for an event not stored yet
 * @param entityId      the entity's database id, as text
 * @param requestId     the HTTP request's id ({@code X-Request-Id}); empty outside a request
 * @param changedFields field names only, in the API's spelling
 */
public record AuditEvent(long id, Instant occurredAt, Optional<UserId> actor, AuditAction action, String entityId,
                         Optional<String> requestId, List<String> changedFields) {

    public AuditEvent {
        Required.nonNull("occurredAt", occurredAt, "actor", actor, "action", action, "entityId", entityId,
                "requestId", requestId);
        changedFields = List.copyOf(changedFields);
    }

    public AuditAction.EntityType entityType() {
        return action.entityType();
    }
}
