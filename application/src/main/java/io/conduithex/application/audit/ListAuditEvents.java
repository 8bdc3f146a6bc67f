package io.conduithex.application.audit;

import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.domain.audit.AuditEvent;
import io.conduithex.domain.audit.AuditQuery;
import jakarta.inject.Inject;
import java.util.List;

/** A page of the audit trail for operators, newest first, in one read-only unit of work. */
public record ListAuditEvents(TransactionRunner transactions) {
    @Inject
    public ListAuditEvents {
    }

    public List<AuditEvent> page(AuditQuery query) {
        return transactions.read("list-audit-events", tx -> tx.audit().page(query));
    }
}
