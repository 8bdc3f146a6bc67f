package io.conduithex.application.audit;

import io.conduithex.domain.audit.AuditAction;
import io.conduithex.domain.audit.AuditEvent;
import io.conduithex.domain.port.persistence.Transaction;
import io.conduithex.domain.port.request.CurrentRequest;
import io.conduithex.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Appends the audit event of a data modification in the transaction that makes it, so the trail can never
 * disagree with the data: a rolled-back unit of work leaves no event, a retried one exactly one. Events name
 * the fields a modification set, never their values.
 */
public record AuditTrail(Clock clock, CurrentRequest request) {
    @Inject
    public AuditTrail {
    }

    /** An event of the signed-in {@code actor}. */
    public void record(Transaction tx, UserId actor, AuditAction action, long entityId, List<String> fields) {
        append(tx, Optional.of(actor), action, entityId, fields);
    }

    /** An event of an anonymous caller: a registration. */
    public void recordAnonymous(Transaction tx, AuditAction action, long entityId, List<String> fields) {
        append(tx, Optional.empty(), action, entityId, fields);
    }

    private void append(Transaction tx, Optional<UserId> actor, AuditAction action, long entityId,
                        List<String> fields) {
        tx.audit().append(new AuditEvent(0, clock.instant().truncatedTo(ChronoUnit.MILLIS), actor, action,
                Long.toString(entityId), request.id(), fields));
    }
}
